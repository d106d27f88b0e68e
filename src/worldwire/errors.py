"""worldwire's exceptions and its catalogue of document-level error messages.

Exception tree::

    WorldwireError                 base: catch this to catch everything worldwire raises
    ├── DataFileError              a versioned data file is missing or invalid
    ├── InputError                 a document cannot be read or processed (carries `.doc_id`)
    └── GateError                  an evaluation score fell below its pinned floor

Every message says what was wrong and what to do about it. A document that fails does not stop a batch:
the pipeline turns the `InputError` into the document's ``error`` string and goes on.

Example::

    try:
        table = load_data("debris")
    except worldwire.WorldwireError as exc:
        print(exc)
"""

from __future__ import annotations


class WorldwireError(Exception):
    """Base class of every error worldwire raises on purpose."""


class DataFileError(WorldwireError):
    """A versioned data file is missing, unparsable or fails validation."""


class InputError(WorldwireError):
    """One document cannot be read or processed; the batch goes on without it."""

    def __init__(self, message: str, doc_id: str | None = None) -> None:
        super().__init__(message)
        self.doc_id = doc_id


class GateError(WorldwireError):
    """A quality score dropped below the floor pinned in the repository."""


class Errors:
    """Message templates, one per failure a user can meet. Codes are stable: search for them."""

    E101 = (
        "[E101] file not found: {path!r}. Check the path; pass .txt, .html/.htm or .jsonl files, "
        "a directory of them, or '-' for JSONL on standard input."
    )
    E102 = (
        "[E102] unsupported file type {suffix!r} for {path!r}: worldwire reads .txt, .html/.htm, .jsonl, "
        "RSS/Atom feeds (.rss, .atom, .xml) and WARC (.warc), optionally .gz-compressed. Convert the file "
        "to one of those first."
    )
    E103 = "[E103] empty document: {what} holds no text. Check that it was saved completely, or leave it out."
    E104 = (
        "[E104] binary data: {what} looks like {kind}, not text. Extract its text first "
        "(for example with pdftotext) and pass the result."
    )
    E105 = (
        "[E105] document too large: {what} has {size}, over the limit of {limit:,} characters for one "
        "article. Split it into articles, or raise the limit with --max-chars."
    )
    E106 = (
        "[E106] undecodable text: {what} cannot be decoded (bad byte 0x{byte:02x} at offset {offset}), "
        "and no other encoding fits it: it mixes encodings or is corrupt. Re-save it as UTF-8."
    )
    E107 = (
        "[E107] invalid JSON on line {line} of {path!r}: {reason}. Each line must be one JSON object such as "
        '{{"id": "a1", "text": "..."}}; fix or remove that line.'
    )
    E108 = (
        "[E108] bad JSONL record on line {line} of {path!r}: {reason}. A record needs a string 'text' or "
        "'html' field (crawler layouts such as news-please's 'maintext' are read too, or name the field "
        "with --text-field); 'id', 'title', 'date' and 'url' are optional."
    )
    E109 = (
        "[E109] bad date {value!r} for {what}: expected a date with its year, such as 2025-03-03, 20250303, "
        "'March 3, 2025' or 'Mon, 03 Mar 2025 10:00:00 GMT' (03/04/2025 is ambiguous). Fix the date or "
        "leave it out."
    )
    E110 = (
        "[E110] cannot read {path!r}: {reason}. Check that the file is complete (a .gz file unpacks with "
        "gunzip -t), readable by you, and that its name is a valid path."
    )
    E111 = (
        "[E111] nothing to read in directory {path!r}: it holds no .txt, .html/.htm or .jsonl files "
        "(hidden files are skipped). Check the path, or convert the files first."
    )
    E112 = (
        "[E112] not a news feed: {path!r} cannot be read as RSS or Atom ({reason}). Pass RSS 2.0, RSS 1.0 "
        "or Atom XML as .rss, .atom or .xml, or convert the articles to .jsonl."
    )
    E113 = (
        "[E113] archived record {what} is not an article page: {reason}. WARC response records must hold "
        "HTML or text; such records are accounted for and skipped."
    )
    E114 = (
        "[E114] invalid text in {what}: a lone UTF-16 surrogate ({char}) at character {offset}, half of a "
        "character that cannot be stored or printed. Fix whatever wrote it (a JSON '\\ud800' escape "
        "without its pair), or drop that record."
    )
    E115 = (
        "[E115] skipped {path!r} in the folder {folder!r}: {reason}. Nothing was read from it; pass the "
        "file itself if it is meant to be read."
    )
    E116 = (
        "[E116] line {line} of {path!r} is incomplete: it is the last line, has no newline and is not valid "
        "JSON ({reason}), so the file is probably still being written. It is not logged: the next run "
        "reads it again."
    )
    # E117-E123: fetching from the web (`worldwire watch`): a page that fails becomes a failed document.
    E117 = "[E117] cannot fetch {url!r}: {reason}. {then}"
    E118 = (
        "[E118] refused to fetch {url!r}: {host!r} is {kind} ({address}), not a public Internet address. "
        "Links and redirects taken from feeds may not lead to this machine or its network (SSRF); pass "
        "--allow-private to watch feeds on your own network on purpose."
    )
    E119 = (
        "[E119] {url!r} is disallowed for worldwire by {robots}: worldwire respects robots.txt and does "
        "not fetch it. {then}"
    )
    E120 = (
        "[E120] {url!r} is not {wanted}: the server says it is {content_type!r}. worldwire reads HTML and "
        "text pages, and RSS/Atom feeds or sitemaps as XML; it is not fetched again."
    )
    E121 = (
        "[E121] {url!r} {problem}: worldwire follows at most {limit} redirects and never a loop. Link to "
        "the final address instead; it is not fetched again."
    )
    E122 = (
        "[E122] {path!r} is a web address: `worldwire ingest` reads files and folders. Fetch it with "
        "`worldwire watch {path} --db FILE --once`, which polls feeds and sitemaps and fetches their "
        "articles politely (docs/watch.md)."
    )
    E123 = (
        "[E123] {url!r} sends more than {limit:,} bytes, the most worldwire reads from one response "
        "(--max-bytes): it is not read further, and not fetched again."
    )
    E201 = (
        "[E201] no article text found in the HTML of {what}: the page may be a list, a login wall or a "
        "page rendered by JavaScript. Save the rendered page, or pass its text as .txt."
    )
    E202 = "[E202] the HTML of {what} could not be parsed ({reason}). Check that the file is really HTML."
    E203 = (
        "[E203] nothing left after cleaning {what}: every line looked like web debris ({kinds}). "
        "If this is wrong, pass the text with --raw to skip cleaning."
    )
    E204 = (
        "[E204] no words: {what} has no letters to read after cleaning. Check that the file holds the "
        "article's text."
    )
    E205 = (
        "[E205] {what} took more than {seconds:g} s in one stage ({stage}), the budget of one document: "
        "it is probably malformed or hostile (a huge token, a pathological page). Check it, or raise the "
        "budget with --doc-seconds."
    )
    E301 = (
        "[E301] not English: {what} looks like {language} ({evidence}). worldwire codes English news only "
        "for now: translate the article first, or leave it out."
    )
    E401 = (
        "[E401] data file {name!r} (version {version}) is missing from the package: {path}. "
        "Reinstall worldwire, or check the version asked for."
    )
    E402 = "[E402] data file {path} is not valid TOML: {reason}. Fix the syntax at the place named."
    E403 = "[E403] data file {path} is invalid: {reason}."
    E501 = (
        "[E501] quality gate: {metric} = {value:.4f} is below the pinned floor {floor:.4f} in {path}. "
        "Find the change that lowered it; floors are never lowered silently."
    )
    E601 = (
        "[E601] the store was written by a newer worldwire (schema version {version}; this one reads up to "
        "{latest}). Upgrade worldwire, or ingest into a new --db file."
    )
    E602 = "[E602] cannot open the store {path!r}{mode}: {holder}. {advice}"
    E603 = "[E603] bad query: {reason}."
    E604 = (
        "[E604] a worker process died while analysing {what} ({reason}): killed, or out of memory. That "
        "document is marked failed and the run went on; check it, or ingest with fewer --workers."
    )
    E605 = (
        "[E605] {path!r} is not a readable worldwire store ({reason}). Read commands never create or change "
        "a store, and nothing is written into a damaged one: check --db, restore the file from a copy, or "
        "create a store with `worldwire ingest FILES --db NEWFILE`."
    )
    E606 = (
        "[E606] cannot write to the store {path!r}: {reason}. Free disk space or fix the permissions, then "
        "run the same ingest again: it resumes where the last committed batch ended."
    )
    E607 = (
        "[E607] unknown country {value!r} for {what}{closest}. Write a country as its name (China), an ISO "
        "code (CHN or CN), or a dyad as two of them joined by '-' (CHN-KAZ, China-Kazakhstan)."
    )
    E608 = "[E608] unknown {kind} {value!r}{closest}. {expected}"

    # E7xx: the HTTP API and dashboard (`worldwire serve`).
    E701 = (
        "[E701] bad parameter {name!r}: {problem}. Expected {expected}. Fix it and ask again; every "
        "parameter is described in /api/openapi.json."
    )
    E702 = (
        "[E702] page {page} of {page_size} reaches past the first {limit:,} results, the deepest the API "
        "pages: narrow your filters (dyad, actor, country, dates, CAMEO code) instead of paging further."
    )
    E703 = "[E703] no {what} with id {id!r} in this store. Take ids from /api/events or an event's mentions."
    E704 = (
        "[E704] {method} {path}: {reason}. The API only answers GET requests on the routes listed in "
        "/api/openapi.json; it never writes to the store."
    )
    E705 = (
        "[E705] internal error while answering {method} {path}; it is logged by the server. Try again, "
        "and if it happens again report it with the request."
    )
    E706 = (
        "[E706] no store at {path!r}: `worldwire serve` only reads a store and will not create an empty "
        "one. Create it first with `worldwire ingest FILES --db {path}`, or pass the right --db file."
    )
    E707 = (
        "[E707] host {host!r} is not served here: this server answers only {allowed}. If you reached it "
        "under another name on purpose, restart it with --allow-host {host_only}."
    )
    E708 = (
        "[E708] this server needs its access token: send 'Authorization: Bearer TOKEN' (or open "
        "/?token=TOKEN once in the browser). The token is the one given to `worldwire serve`."
    )
    E709 = (
        "[E709] refusing to serve on {host!r}, which other machines can reach: pass --allow-remote and a "
        "token (--token-file FILE, or the WORLDWIRE_TOKEN environment variable) to do it on purpose."
    )

    # E8xx: engines (`worldwire ingest --engine spark`, `worldwire attach`).
    E801 = (
        "[E801] the Spark engine needs pyspark, which is not installed: pip install 'worldwire[spark]', "
        "or ingest with --engine local."
    )
    E802 = (
        "[E802] Java not found: Spark needs a Java 17 runtime (apt-get install openjdk-17-jre-headless, "
        "or set JAVA_HOME), or ingest with --engine local."
    )
    E803 = "[E803] bad Spark ingest: {reason}."
    E804 = (
        "[E804] {path!r} is not the output of `worldwire ingest --engine spark` ({reason}). Pass the --out "
        "folder of a finished Spark run; a run that failed half-way writes no manifest, so run it again."
    )
    E805 = (
        "[E805] the Spark job failed: {reason}. Check the Spark log above; a rerun to the same --out is safe."
    )

    # E9xx: live news (`worldwire watch`, `serve --watch`) and alerts.
    E901 = (
        "[E901] {source!r} is not a source worldwire can watch: {reason}. Give the addresses (http:// or "
        "https://) of RSS/Atom feeds or news sitemaps, or a file listing them one a line ('#' starts a "
        "comment)."
    )
    E902 = (
        "[E902] invalid alert rules in {path}: {where}{reason}. docs/watch.md lists every rule key; the "
        "whole file is checked before anything runs."
    )
    E903 = (
        "[E903] alert {alert!r} was not delivered to the webhook {url}: {reason}. It is stored all the same "
        "(`worldwire alerts list`, /api/alerts), and delivery is tried again after the next cycle."
    )
    E904 = (
        "[E904] bad interval {value!r} for {what}: write a number and a unit, such as 90s, 15m, 1h, 7d or "
        "2w{least}."
    )
