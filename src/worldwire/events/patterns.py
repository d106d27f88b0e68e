"""Event patterns (predicate lemma + argument shape → CAMEO code), loaded from data and indexed once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from worldwire.datafiles import (
    data_validator,
    frozen_mapping,
    load_data,
    require,
    require_schema,
    string_list,
)
from worldwire.errors import DataFileError, Errors

PredicateKind = Literal["verb", "noun"]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One way of saying a CAMEO event: `lemma` ("a|b": either) with `required` dependents, target read
    from `preps`."""

    code: str
    kind: PredicateKind
    lemma: str
    required: tuple[frozenset[str], ...]
    preps: tuple[str, ...]
    object_target: bool
    order: int
    text: str
    before: tuple[frozenset[str], ...] = ()
    after: tuple[frozenset[str], ...] = ()
    reciprocal: str | None = None
    mutual: bool = False
    forbidden: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class PatternBook:
    verbs: Mapping[str, tuple[Pattern, ...]]
    nouns: Mapping[str, tuple[Pattern, ...]]
    reciprocal: Mapping[str, str]
    light_verbs: frozenset[str]
    default_preps: tuple[str, ...]
    mutual_roots: frozenset[str]
    place_preps: frozenset[str]
    location_preps: frozenset[str]
    location_roots: frozenset[str]
    unattributed_roots: frozenset[str]
    violence_words: frozenset[str]
    armed_sectors: frozenset[str]
    verbal_attack_verbs: frozenset[str]
    verbal_attack_code: str
    fallback: Mapping[str, Pattern]
    demand_auxiliaries: frozenset[str]
    demand_code: str
    speech_verbs: frozenset[str]
    clause_bound: bool = True  # the fallback target stays in the predicate's clause
    demand_nouns: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    stative_passives: frozenset[str] = frozenset()
    natural_hazards: frozenset[str] = frozenset()
    accident_words: frozenset[str] = frozenset()  # harm no party did: "killed in a car crash"
    state_author_sectors: frozenset[str] = frozenset()  # a toll after their force is theirs
    munitions: frozenset[str] = frozenset()  # "rockets struck near the base": an attack by its subject
    landing_verbs: frozenset[str] = frozenset()  # "two rockets landed near the embassy": a munition's attack
    landing: Pattern | None = None  # ... coded so (`landing_code`)
    plain_bombing_codes: frozenset[str] = frozenset()  # "US bombing of the caves" is no non-military bombing
    aerial_sectors: frozenset[str] = frozenset()  # ... by a state or these sectors of it
    aerial_code: str = "195"  # ... but an air attack
    directive_verbs: frozenset[str] = frozenset()
    light_verb_preps: frozenset[str] = frozenset({"in", "on", "into", "to"})
    shared_occasion_preps: frozenset[str] = frozenset()
    request_nouns: frozenset[str] = frozenset()
    request_preps: frozenset[str] = frozenset()
    request_code: str = "020"
    lawsuit_nouns: frozenset[str] = frozenset()
    lawsuit_aims: frozenset[str] = frozenset()
    lawsuit_verbs: frozenset[str] = frozenset()
    lawsuit_code: str = "115"
    shared_occasion_roots: frozenset[str] = frozenset()
    peacekeeping_words: frozenset[str] = frozenset()
    peacekeeping_code: str = "074"
    deployment_code: str = "154"
    needs_target_roots: frozenset[str] = frozenset()
    counterpart_roots: frozenset[str] = frozenset()
    own_ground_codes: frozenset[str] = frozenset()
    time_clause_markers: frozenset[str] = frozenset()
    instrument_object_codes: tuple[str, ...] = ()
    state_force_sectors: frozenset[str] = frozenset()
    intransitive_protest_verbs: frozenset[str] = frozenset()
    protest_root: str = "14"
    provision_nouns: frozenset[str] = frozenset()
    enacted_instruments: frozenset[str] = frozenset()  # "signed a decree banning X": the signer bans
    enacting_verbs: frozenset[str] = frozenset()
    enacting_preps: frozenset[str] = frozenset()
    threat_root: str = "13"
    naming_object_roots: tuple[str, ...] = ()
    clause_fallback_verbs: frozenset[str] = frozenset()
    foreboding_verbs: frozenset[str] = frozenset()
    foreboding_auxiliaries: frozenset[str] = frozenset()
    pessimism_code: str = "012"
    consequence_verbs: frozenset[str] = frozenset()
    earlier_time_adverbs: frozenset[str] = frozenset()
    perfect_earlier_time_adverbs: frozenset[str] = frozenset()
    repetition_words: frozenset[str] = frozenset()
    previous_occasion_adverbs: frozenset[str] = frozenset()
    occasion_nouns: frozenset[str] = frozenset()
    previous_adjectives: frozenset[str] = frozenset()
    counted_case_adjectives: frozenset[str] = frozenset()
    restricting_adverbs: frozenset[str] = frozenset()
    ranking_adjectives: frozenset[str] = frozenset()
    relationship_verbs: frozenset[str] = frozenset()
    guidance_nouns: frozenset[str] = frozenset()
    assertion_senses: frozenset[str] = frozenset()
    indicative_auxiliaries: frozenset[str] = frozenset()
    generic_addressees: frozenset[str] = frozenset()
    generic_addressee_determiners: frozenset[str] = frozenset()
    obligation_conditions: frozenset[str] = frozenset()
    appeal_auxiliaries: frozenset[str] = frozenset()  # "X said Y should ...": an appeal on Y
    appeal_obligation_verbs: frozenset[str] = frozenset()  # "X said Y needs to ...", "has to ..."
    wish_verbs: frozenset[str] = frozenset()  # "X wants Y to ...": an appeal on Y, no act of Y's
    danger_prepositions: frozenset[str] = frozenset()  # "warned people about the outbreak": no threat
    suffering_verbs: frozenset[str] = frozenset()  # "warned that Iran would face strikes": a threat
    opinion_verbs: frozenset[str] = frozenset()  # "X suggested Y should ...": an appeal, no demand
    mandative_verbs: frozenset[str] = frozenset()  # "X suggested that Y withdraw": an appeal on Y
    appeal_code: str = "020"
    characterization_verbs: frozenset[str] = frozenset()
    time_clause_codes: tuple[str, ...] = ()
    reported_act_codes: tuple[str, ...] = ()
    object_control_preps: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()  # "X and Y", "X as well as Y": two parties, not one phrase
    legal_action_codes: tuple[str, ...] = ()
    legal_told_roots: frozenset[str] = frozenset()
    victim_owner_nouns: frozenset[str] = frozenset()
    acting_owner_kinds: frozenset[str] = frozenset()
    patient_owner_nouns: frozenset[str] = frozenset()  # "after his arrest": legal action he underwent
    legal_author_sectors: frozenset[str] = frozenset()  # "the police's arrests": theirs to make
    adverbial_owner_preps: frozenset[str] = frozenset()  # "after his arrest, X ...": X's
    channel_preps: frozenset[str] = frozenset()
    channels: frozenset[str] = frozenset()
    patient_passive_roots: frozenset[str] = frozenset()
    relative_patient_roots: tuple[str, ...] = ()  # "prisoners detained in May": told of whom it describes
    ambiguous_violence_verbs: frozenset[str] = frozenset()
    complaint_verbs: Mapping[str, str] = field(default_factory=dict)
    # a wrong told of a party ("break the law"): lemma -> (objects or prepositions it needs, if any; code)
    wrongdoing_verbs: Mapping[str, tuple[tuple[frozenset[str], str], ...]] = field(default_factory=dict)
    argument_target_roots: frozenset[str] = frozenset()
    addressee_preps: frozenset[str] = frozenset()
    party_object_roots: frozenset[str] = frozenset()
    non_party_objects: frozenset[str] = frozenset()
    crowd_words: frozenset[str] = frozenset()
    author_attack_preps: frozenset[str] = frozenset()
    force_sense_roots: frozenset[str] = frozenset()
    unforceful_objects: frozenset[str] = frozenset()
    victory_verbs: frozenset[str] = frozenset()
    victory_code: str = "190"
    seizure_codes: frozenset[str] = frozenset()
    unseizing_sectors: frozenset[str] = frozenset()
    unseized_sectors: frozenset[str] = frozenset()
    state_target_codes: frozenset[str] = frozenset()
    counterpartless_intents: tuple[str, ...] = ()  # intentions coded with no target
    lone_private_codes: tuple[str, ...] = ()  # acts of private parties coded with no target
    quantity_nouns: frozenset[str] = frozenset()
    personal_pronouns: frozenset[str] = frozenset()
    made_things: frozenset[str] = frozenset()
    stance_verbs: frozenset[str] = frozenset()
    stance_codes: frozenset[str] = frozenset()
    held_causes: frozenset[str] = frozenset()
    refinable_violence: frozenset[str] = frozenset()
    weapon_codes: tuple[tuple[tuple[str, ...], str], ...] = ()
    repression_code: str = "175"
    repression_sources: frozenset[str] = frozenset()
    unrepressive_violence: frozenset[str] = frozenset()
    repression_targets: frozenset[str] = frozenset()
    unconventional_code: str = "180"
    conventional_armed_sectors: frozenset[str] = frozenset()
    unconventional_targets: frozenset[str] = frozenset()
    context_target_roots: frozenset[str] = frozenset()
    reported_wrong_roots: frozenset[str] = frozenset()
    implied_agents: Mapping[str, str] = field(default_factory=dict)
    implied_agent_words: Mapping[str, frozenset[str]] = field(default_factory=dict)  # "on bail": by courts
    implied_counterparts: Mapping[str, str] = field(default_factory=dict)
    own_state_counterparts: Mapping[str, str] = field(default_factory=dict)
    implied_agent_verbs: Mapping[str, str] = field(default_factory=dict)
    forceful_roots: frozenset[str] = frozenset()
    aimed_prepositions: frozenset[str] = frozenset()  # "attacks on the caves": force aimed, not mutual
    blame_predicates: frozenset[str] = frozenset()
    blame_nouns: frozenset[str] = frozenset()
    belief_verbs: frozenset[str] = frozenset()
    claim_verbs: frozenset[str] = frozenset()
    crime_words: frozenset[str] = frozenset()
    ruling_verbs: frozenset[str] = frozenset()
    unlawful_words: frozenset[str] = frozenset()
    violation_verbs: frozenset[str] = frozenset()
    court_sector: str = "JUD"
    court_appeal_words: frozenset[str] = frozenset()
    court_finding_code: str = "116"
    prosecuting_words: frozenset[str] = frozenset()
    displeasure_words: frozenset[str] = frozenset()
    displeasure_causes: frozenset[str] = frozenset()
    displeasure_code: str = "110"
    receiving_verbs: frozenset[str] = frozenset()
    gunfire_words: frozenset[str] = frozenset()
    provoking_verbs: frozenset[str] = frozenset()
    received_judgements: Mapping[str, str] = field(default_factory=dict)
    receiving_phrases: frozenset[tuple[str, str]] = frozenset()  # ("come", "under"): "came under fire"
    provoking_phrases: frozenset[tuple[str, str]] = frozenset()  # ("lead", "to"): "led to criticism"
    judgement_quantities: frozenset[str] = frozenset()  # "a storm of criticism"
    judgement_reasons: frozenset[str] = frozenset()  # "came under fire for ..."
    concessive_preps: frozenset[str] = frozenset()  # "despite criticism from Y"
    reported_judgements: frozenset[str] = frozenset()  # "received allegations": reports sent in
    report_receiving_verbs: frozenset[str] = frozenset()
    foreign_judgement_words: frozenset[str] = frozenset()  # "international criticism"
    received_unnamed_root: str = "11"
    received_threat_roots: tuple[str, ...] = ()
    received_threat_kinds: Mapping[str, str] = field(default_factory=dict)
    received_unnamed_sector: str = "CVL"
    judge_sector_words: Mapping[str, str] = field(default_factory=dict)  # "media scrutiny": MED
    anti_targets: Mapping[str, str] = field(default_factory=dict)
    evaluation_verbs: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    accusation_words: frozenset[str] = frozenset()
    criticism_words: frozenset[str] = frozenset()
    adjective_blame_words: frozenset[str] = frozenset()
    position_blame_verbs: frozenset[str] = frozenset()
    position_words: frozenset[str] = frozenset()
    criminal_labels: frozenset[str] = frozenset()
    pejorative_labels: frozenset[str] = frozenset()
    criminal_label_code: str = "1121"
    topic_object_verbs: frozenset[str] = frozenset()
    party_nouns: frozenset[str] = frozenset()
    person_object_codes: tuple[str, ...] = ()
    criticism_code: str = "111"
    accusation_code: str = "112"
    praise_words: frozenset[str] = frozenset()
    praise_code: str = "051"
    sympathy_words: frozenset[str] = frozenset()
    sympathy_code: str = "018"
    sympathy_idioms: frozenset[str] = frozenset()
    arriving_verbs: frozenset[str] = frozenset()
    gathering_nouns: frozenset[str] = frozenset()
    participation_words: frozenset[str] = frozenset()
    one_attack_roots: frozenset[str] = frozenset()
    author_verbs: frozenset[str] = frozenset()
    victim_subject_verbs: frozenset[str] = frozenset()  # "dozens died in the attack": the subject was hit
    armed_departure_verbs: frozenset[str] = frozenset()  # "troops left Iraq": a withdrawal only when armed
    questioning_verbs: frozenset[str] = frozenset()  # "police questioned the driver": an inquiry (091)
    investigating_sectors: frozenset[str] = frozenset()
    responding_sectors: frozenset[str] = frozenset()
    questioning_code: str = "091"
    told_attack_sentences: int = 0  # how far back "the attack" may find the weapon it was made with
    retold_author_sentences: int = 0  # how far ahead an attack with no author finds it retold with one
    happening_verbs: tuple[tuple[str, ...], ...] = ()  # "the attack took place": an attack reported
    happening_nouns: frozenset[str] = frozenset()  # "the bomb went off": an event only so
    # "X was the target of an attack": a role noun whose copular subject undergoes the act of its "of" noun
    patient_role_nouns: frozenset[str] = frozenset()
    addressed_clause_roots: frozenset[str] = frozenset()
    occasion_preps: frozenset[str] = frozenset()
    occasion_attack_preps: frozenset[str] = frozenset()
    act_referents: Mapping[str, frozenset[str]] = field(default_factory=dict)
    spoken_roots: frozenset[str] = frozenset()  # what was said, not done: never "the move"
    act_pronouns: frozenset[str] = frozenset()  # "called it a non-starter": the act just told
    authored_roots: frozenset[str] = frozenset()  # no event with no author named or known
    private_sectors: frozenset[str] = frozenset()  # their journeys are no visits; visited, they host none
    unpolitical_sectors: frozenset[str] = frozenset()  # alone, they act in no political event
    nonstate_sectors: frozenset[str] = frozenset()  # of a country named bare, another party than its state
    # one unnamed person of these sectors and other people of them are two parties
    individual_sectors: frozenset[str] = frozenset()
    asked_content_roots: frozenset[str] = frozenset()  # "rejected calls to resign": no resignation
    asked_thing_preps: frozenset[str] = frozenset()  # "pushed for more funding": what, not whom
    judged_thing_codes: frozenset[str] = frozenset()  # "derided the two-party system": no one's
    act_noun_endings: tuple[str, ...] = ()  # "the selection", "the commitment": an act, with an author
    judged_act_roots: frozenset[str] = frozenset()  # "condemned Russia's attack": Russia attacked too
    answer_verbs: Mapping[str, Pattern] = field(default_factory=dict)  # "asked him to wait, but he declined"
    plan_announcing_verbs: frozenset[str] = frozenset()  # "X announced it would ...": a plan declared
    plan_subject_pronouns: frozenset[str] = frozenset()  # the speaker, in the clause of the plan
    announced_plan: Pattern | None = None  # what such a plan is, when the clause codes nothing itself
    target_sector_codes: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    leaving_words: frozenset[str] = frozenset()  # "the resignation of X": X is asked to go
    go_between_codes: frozenset[str] = frozenset()  # "mediated between X and Y": the subject's, to both
    mediated_codes: frozenset[str] = (
        frozenset()
    )  # "negotiated a truce between X and Y": a third party's mediation
    mediation_code: str = "045"
    contest_objects: frozenset[str] = frozenset()  # "called the race for Biden": a winner named
    mirrored_codes: frozenset[str] = frozenset()  # a meeting with someone is theirs with the actor too
    statement_code: str = "010"  # what a party said, among the acts told

    def __len__(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + sum(len(v) for v in self.nouns.values())

    def implied_agent(self, code: str) -> str | None:
        """The sector of the one possible author of an act with `code` (longest matching prefix), if any."""
        return _by_prefix(self.implied_agents, code)

    def implied_counterpart(self, code: str) -> str | None:
        """The sector an act with `code` is against when its clause names nobody (longest prefix)."""
        return _by_prefix(self.implied_counterparts, code)


def parse_pattern(
    text: str, code: str, kind: PredicateKind, prepositions: frozenset[str], order: int, where: str
) -> Pattern:
    """Read "lemma word|word ... prep": a last word that is a preposition names the target's preposition;
    "+word" forces a preposition to be a required word; "=obj" asks for the direct object as target;
    "-word" is a word that must not be there ("hold rally -campaign"); "=each" asks for a compound
    subject whose parties act on each other ("China and Russia met")."""
    words = text.lower().split()
    if not words or words[0].startswith(("+", "=")):
        raise DataFileError(
            Errors.E403.format(path=where, reason=f"pattern {text!r} must start with a lemma")
        )
    required: list[frozenset[str]] = []
    preps: list[str] = []
    forbidden: set[str] = set()
    object_target = mutual = False
    for index, word in enumerate(words[1:], start=1):
        if word == "=obj":
            object_target = True
        elif word == "=each":
            mutual = True
        elif word.startswith("-") and len(word) > 1:
            forbidden.add(word[1:])
        elif word.startswith("+"):
            required.append(frozenset(word[1:].split("|")))
        elif index == len(words) - 1 and word in prepositions:
            preps.append(word)
        else:
            required.append(frozenset(w for w in word.split("|") if w))
    return Pattern(
        code,
        kind,
        words[0],
        tuple(required),
        tuple(preps),
        object_target,
        order,
        text,
        mutual=mutual,
        forbidden=frozenset(forbidden),
    )


# Vocabularies of the book read as they are named in the data: a set of words each.
_WORD_SETS = (
    "demand_auxiliaries",
    "speech_verbs",
    "demand_nouns",
    "speech_nouns",
    "stative_passives",
    "natural_hazards",
    "accident_words",
    "state_author_sectors",
    "munitions",
    "landing_verbs",
    "plain_bombing_codes",
    "aerial_sectors",
    "directive_verbs",
    "request_nouns",
    "lawsuit_nouns",
    "lawsuit_aims",
    "lawsuit_verbs",
    "shared_occasion_roots",
    "peacekeeping_words",
    "needs_target_roots",
    "counterpart_roots",
    "own_ground_codes",
    "time_clause_markers",
    "state_force_sectors",
    "intransitive_protest_verbs",
    "provision_nouns",
    "enacted_instruments",
    "enacting_verbs",
    "clause_fallback_verbs",
    "plan_announcing_verbs",
    "plan_subject_pronouns",
    "foreboding_verbs",
    "foreboding_auxiliaries",
    "consequence_verbs",
    "earlier_time_adverbs",
    "perfect_earlier_time_adverbs",
    "repetition_words",
    "previous_occasion_adverbs",
    "occasion_nouns",
    "previous_adjectives",
    "counted_case_adjectives",
    "restricting_adverbs",
    "ranking_adjectives",
    "relationship_verbs",
    "guidance_nouns",
    "assertion_senses",
    "indicative_auxiliaries",
    "generic_addressees",
    "generic_addressee_determiners",
    "obligation_conditions",
    "appeal_auxiliaries",
    "appeal_obligation_verbs",
    "wish_verbs",
    "danger_prepositions",
    "suffering_verbs",
    "opinion_verbs",
    "mandative_verbs",
    "characterization_verbs",
    "object_control_preps",
    "coordinators",
    "legal_told_roots",
    "victim_owner_nouns",
    "acting_owner_kinds",
    "patient_owner_nouns",
    "legal_author_sectors",
    "adverbial_owner_preps",
    "channels",
    "patient_passive_roots",
    "ambiguous_violence_verbs",
    "argument_target_roots",
    "party_object_roots",
    "non_party_objects",
    "crowd_words",
    "author_attack_preps",
    "force_sense_roots",
    "unforceful_objects",
    "victory_verbs",
    "seizure_codes",
    "unseizing_sectors",
    "unseized_sectors",
    "state_target_codes",
    "quantity_nouns",
    "personal_pronouns",
    "made_things",
    "stance_verbs",
    "stance_codes",
    "held_causes",
    "refinable_violence",
    "repression_sources",
    "unrepressive_violence",
    "repression_targets",
    "conventional_armed_sectors",
    "unconventional_targets",
    "context_target_roots",
    "reported_wrong_roots",
    "forceful_roots",
    "aimed_prepositions",
    "blame_predicates",
    "blame_nouns",
    "belief_verbs",
    "claim_verbs",
    "crime_words",
    "ruling_verbs",
    "unlawful_words",
    "violation_verbs",
    "court_appeal_words",
    "prosecuting_words",
    "displeasure_words",
    "displeasure_causes",
    "receiving_verbs",
    "gunfire_words",
    "provoking_verbs",
    "judgement_quantities",
    "judgement_reasons",
    "concessive_preps",
    "reported_judgements",
    "report_receiving_verbs",
    "foreign_judgement_words",
    "evaluation_verbs",
    "naming_verbs",
    "accusation_words",
    "criticism_words",
    "adjective_blame_words",
    "position_blame_verbs",
    "position_words",
    "criminal_labels",
    "pejorative_labels",
    "topic_object_verbs",
    "party_nouns",
    "praise_words",
    "sympathy_words",
    "sympathy_idioms",
    "arriving_verbs",
    "gathering_nouns",
    "participation_words",
    "light_verbs",
    "mutual_roots",
    "unattributed_roots",
    "one_attack_roots",
    "author_verbs",
    "victim_subject_verbs",
    "armed_departure_verbs",
    "questioning_verbs",
    "investigating_sectors",
    "responding_sectors",
    "happening_nouns",
    "patient_role_nouns",
    "addressed_clause_roots",
    "spoken_roots",
    "act_pronouns",
    "authored_roots",
    "private_sectors",
    "unpolitical_sectors",
    "nonstate_sectors",
    "individual_sectors",
    "asked_content_roots",
    "asked_thing_preps",
    "judged_thing_codes",
    "judged_act_roots",
    "leaving_words",
    "go_between_codes",
    "mediated_codes",
    "contest_objects",
    "mirrored_codes",
    "violence_words",
    "armed_sectors",
    "verbal_attack_verbs",
)


@data_validator("event_patterns")
def _validate_patterns(raw: Mapping[str, Any], where: str) -> PatternBook:
    require_schema(raw, "worldwire.event_patterns/1", where)
    prepositions = frozenset(string_list(raw, "prepositions", where))
    verbs: dict[str, list[Pattern]] = defaultdict(list)
    nouns: dict[str, list[Pattern]] = defaultdict(list)
    reciprocal: dict[str, str] = {}
    order = 0
    for code, entry in require(raw, "codes", dict, where).items():
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise DataFileError(
                Errors.E403.format(path=where, reason=f"CAMEO code {code!r} must be 2-4 digits")
            )
        here = f"{where} [codes.{code}]"
        if not entry.get("verbs") and not entry.get("nouns"):
            raise DataFileError(Errors.E403.format(path=here, reason="needs `verbs` or `nouns`"))
        for kind, index in (("verb", verbs), ("noun", nouns)):
            key = kind + "s"
            for text in string_list(entry, key, here) if key in entry else ():
                pattern = parse_pattern(text, code, kind, prepositions, order, here)  # type: ignore[arg-type]
                for lemma in pattern.lemma.split("|"):
                    index[lemma].append(pattern)
                order += 1
        if "reciprocal" in entry:
            reciprocal[code] = require(entry, "reciprocal", str, here)
    fallback = {
        lemma: Pattern(code, "verb", lemma, (), (), False, order + i, lemma)
        for i, (lemma, code) in enumerate(require(raw, "fallback", dict, where).items())
    }
    answers = {
        lemma: Pattern(code, "verb", lemma, (), (), False, order + len(fallback) + i, lemma)
        for i, (lemma, code) in enumerate(require(raw, "answer_verbs", dict, where).items())
    }
    # Any: the book's other fields are typed one by one below; these are all frozensets of words
    word_sets: dict[str, Any] = {name: frozenset(string_list(raw, name, where)) for name in _WORD_SETS}
    return PatternBook(
        **word_sets,
        fallback=frozen_mapping(fallback),
        demand_code=require(raw, "demand_code", str, where),
        light_verb_preps=frozenset(string_list(raw, "light_verb_prepositions", where)),
        shared_occasion_preps=frozenset(string_list(raw, "shared_occasion_prepositions", where)),
        request_preps=frozenset(string_list(raw, "request_prepositions", where)),
        request_code=require(raw, "request_code", str, where),
        lawsuit_code=require(raw, "lawsuit_code", str, where),
        peacekeeping_code=require(raw, "peacekeeping_code", str, where),
        deployment_code=require(raw, "deployment_code", str, where),
        instrument_object_codes=tuple(string_list(raw, "instrument_object_codes", where)),
        person_object_codes=tuple(string_list(raw, "person_object_codes", where)),
        protest_root=require(raw, "protest_root", str, where),
        enacting_preps=frozenset(string_list(raw, "enacting_prepositions", where)),
        threat_root=require(raw, "threat_root", str, where),
        naming_object_roots=tuple(string_list(raw, "naming_object_roots", where)),
        pessimism_code=require(raw, "pessimism_code", str, where),
        appeal_code=require(raw, "appeal_code", str, where),
        time_clause_codes=tuple(string_list(raw, "time_clause_codes", where)),
        act_noun_endings=tuple(string_list(raw, "act_noun_endings", where)),
        reported_act_codes=tuple(string_list(raw, "reported_act_codes", where)),
        legal_action_codes=tuple(string_list(raw, "legal_action_codes", where)),
        channel_preps=frozenset(string_list(raw, "channel_prepositions", where)),
        relative_patient_roots=tuple(string_list(raw, "relative_patient_roots", where)),
        complaint_verbs=frozen_mapping(_codes_table(raw, "complaint_verbs", where)),
        wrongdoing_verbs=frozen_mapping(_wrongdoing_table(raw, where)),
        addressee_preps=frozenset(string_list(raw, "addressee_prepositions", where)),
        counterpartless_intents=tuple(string_list(raw, "counterpartless_intents", where)),
        lone_private_codes=tuple(string_list(raw, "lone_private_codes", where)),
        weapon_codes=_weapon_codes(raw, where),
        repression_code=require(raw, "repression_code", str, where),
        aerial_code=require(raw, "aerial_code", str, where),
        landing=Pattern(
            require(raw, "landing_code", str, where),
            "verb",
            "land",
            (),
            (),
            False,
            order + len(fallback) + len(answers) + 1,
            "munition landed",
        ),
        unconventional_code=require(raw, "unconventional_code", str, where),
        implied_agents=frozen_mapping(_sectors_table(raw, "implied_agents", where)),
        implied_agent_words=frozen_mapping(_words_by_code(raw, "implied_agent_words", where)),
        implied_counterparts=frozen_mapping(_sectors_table(raw, "implied_counterparts", where)),
        own_state_counterparts=frozen_mapping(
            _sectors_table(raw, "own_state_counterparts", where, keys=str.isalpha)
        ),
        implied_agent_verbs=frozen_mapping(
            _sectors_table(raw, "implied_agent_verbs", where, keys=str.isalpha)
        ),
        court_sector=require(raw, "court_sector", str, where),
        court_finding_code=require(raw, "court_finding_code", str, where),
        displeasure_code=require(raw, "displeasure_code", str, where),
        received_judgements=frozen_mapping(_codes_table(raw, "received_judgements", where)),
        receiving_phrases=_phrases(raw, "receiving_phrases", where),
        provoking_phrases=_phrases(raw, "provoking_phrases", where),
        received_unnamed_root=require(raw, "received_unnamed_root", str, where),
        victory_code=require(raw, "victory_code", str, where),
        received_threat_roots=tuple(string_list(raw, "received_threat_roots", where)),
        received_threat_kinds=frozen_mapping(_codes_table(raw, "received_threat_kinds", where)),
        received_unnamed_sector=require(raw, "received_unnamed_sector", str, where),
        judge_sector_words=frozen_mapping(_sectors_table(raw, "judge_sector_words", where, keys=str.isalpha)),
        anti_targets=frozen_mapping(_sectors_table(raw, "anti_targets", where, keys=str.isalpha)),
        criticism_code=require(raw, "criticism_code", str, where),
        accusation_code=require(raw, "accusation_code", str, where),
        criminal_label_code=require(raw, "criminal_label_code", str, where),
        praise_code=require(raw, "praise_code", str, where),
        sympathy_code=require(raw, "sympathy_code", str, where),
        verbs=frozen_mapping({k: tuple(v) for k, v in verbs.items()}),
        nouns=frozen_mapping({k: tuple(v) for k, v in nouns.items()}),
        reciprocal=frozen_mapping(reciprocal),
        place_preps=frozenset(string_list(raw, "circumstance_prepositions", where)),
        location_preps=frozenset(string_list(raw, "place_prepositions", where)),
        location_roots=frozenset(string_list(raw, "place_target_roots", where)),
        questioning_code=require(raw, "questioning_code", str, where),
        told_attack_sentences=int(raw.get("told_attack_sentences", 0)),
        retold_author_sentences=int(raw.get("retold_author_sentences", 0)),
        happening_verbs=tuple(tuple(v.split()) for v in string_list(raw, "happening_verbs", where)),
        occasion_preps=frozenset(string_list(raw, "occasion_prepositions", where)),
        occasion_attack_preps=frozenset(string_list(raw, "occasion_attack_prepositions", where)),
        answer_verbs=frozen_mapping(answers),
        announced_plan=Pattern(
            require(raw, "announced_plan_code", str, where),
            "verb",
            "announce",
            (),
            (),
            False,
            order + len(fallback) + len(answers),
            "announced plan",
        ),
        target_sector_codes=frozen_mapping(
            {
                code: frozen_mapping({sector: require(by, sector, str, where) for sector in by})
                for code, by in require(raw, "target_sector_codes", dict, where).items()
            }
        ),
        mediation_code=require(raw, "mediation_code", str, where),
        statement_code=require(raw, "statement_code", str, where),
        act_referents=frozen_mapping(
            {
                noun: frozenset(string_list(raw["act_referents"], noun, where))
                for noun in raw.get("act_referents", {})
            }
        ),
        verbal_attack_code=require(raw, "verbal_attack_code", str, where),
        default_preps=string_list(raw, "default_target_prepositions", where),
    )


def _weapon_codes(raw: Mapping[str, Any], where: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """`[["car bomb", "1832"], ...]` → ((("car", "bomb"), "1832"), ...), in the order written."""
    rows = require(raw, "weapon_codes", list, where)
    if not all(
        isinstance(r, list) and len(r) == 2 and all(isinstance(x, str) for x in r) and r[1].isdigit()
        for r in rows
    ):
        raise DataFileError(
            Errors.E403.format(path=where, reason='weapon_codes rows must be ["phrase", "CAMEO code"]')
        )
    return tuple((tuple(phrase.lower().split()), code) for phrase, code in rows)


def _sectors_table(
    raw: Mapping[str, Any], key: str, where: str, keys: Callable[[str], bool] = str.isdigit
) -> dict[str, str]:
    """A table of sector codes by CAMEO code (or by word, with `keys=str.isalpha`)."""
    table = require(raw, key, dict, where)
    if not all(keys(k) and isinstance(v, str) and len(v) == 3 and v.isupper() for k, v in table.items()):
        raise DataFileError(Errors.E403.format(path=where, reason=f"{key} values must be sector codes"))
    return dict(table)


def _words_by_code(raw: Mapping[str, Any], key: str, where: str) -> dict[str, frozenset[str]]:
    """A table of word lists by CAMEO code."""
    table = require(raw, key, dict, where)
    if not all(code.isdigit() for code in table):
        raise DataFileError(Errors.E403.format(path=where, reason=f"{key} keys must be CAMEO codes"))
    return {code: frozenset(string_list(table, code, where)) for code in table}


def _phrases(raw: Mapping[str, Any], name: str, where: str) -> frozenset[tuple[str, str]]:
    """ "come under": a verb and the preposition it takes, as (verb, preposition)."""
    phrases = [tuple(text.split()) for text in string_list(raw, name, where)]
    for phrase in phrases:
        if len(phrase) != 2:
            raise DataFileError(
                Errors.E403.format(path=f"{where} {name}", reason=f"{phrase!r}: verb preposition")
            )
    return frozenset((verb, prep) for verb, prep in phrases)


def _codes_table(raw: Mapping[str, Any], key: str, where: str) -> dict[str, str]:
    table = require(raw, key, dict, where)
    if not all(isinstance(v, str) and v.isdigit() for v in table.values()):
        raise DataFileError(Errors.E403.format(path=where, reason=f"{key} values must be CAMEO codes"))
    return dict(table)


def _wrongdoing_table(
    raw: Mapping[str, Any], where: str
) -> dict[str, tuple[tuple[frozenset[str], str], ...]]:
    """`wrongdoing_verbs`: "lemma" or "lemma object|object" -> code, read as lemma -> its (objects, code)s."""
    table: dict[str, list[tuple[frozenset[str], str]]] = {}
    for key, code in _codes_table(raw, "wrongdoing_verbs", where).items():
        lemma, _, objects = key.partition(" ")
        table.setdefault(lemma, []).append((frozenset(o for o in objects.split("|") if o), code))
    return {lemma: tuple(entries) for lemma, entries in table.items()}


def pattern_book() -> PatternBook:
    return load_data("event_patterns")  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class ModalityCues:
    negation_words: frozenset[str]
    negative_objects: frozenset[str]
    negating_verbs: frozenset[str]
    negating_adjectives: frozenset[str]
    refusal_verbs: frozenset[str]
    obligation_auxiliaries: frozenset[str]
    prevention_verbs: frozenset[str]
    future_auxiliaries: frozenset[str]
    intent_verbs: frozenset[str]
    intent_adjectives: frozenset[str]
    intent_nouns: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    hypothetical_markers: frozenset[str]
    hypothetical_words: frozenset[str]
    possibility_adjectives: frozenset[str]
    permission_participles: frozenset[str]
    historical_units: frozenset[str]
    historical_words: frozenset[str]
    historical_min_years: int
    historical_min_months: int
    history_min_years: int
    condition_markers: frozenset[str]
    generic_determiners: frozenset[str]
    generic_nouns: frozenset[str]
    generic_people: frozenset[str]
    preparation_words: frozenset[str]
    preparation_roots: frozenset[str]
    preparation_code: str
    consideration_verbs: frozenset[str]
    consideration_code: str
    action_nouns: frozenset[str]
    assembly_verbs: frozenset[str]
    assembly_purposes: frozenset[str]
    habitual_words: frozenset[str]
    evidence_verbs: frozenset[str]
    obligation_verbs: frozenset[str]
    performative_verbs: frozenset[str]
    performative_lead_ins: frozenset[str]
    performative_subjects: frozenset[str]
    occasion_prepositions: frozenset[str]
    intent_codes: Mapping[str, str]
    refusal_codes: Mapping[str, str]
    threat_codes: Mapping[str, str]

    def intent_code(self, code: str) -> str:
        """The expression-of-intent code for an intended event (longest matching prefix), else `code`."""
        return _by_prefix(self.intent_codes, code) or code

    def refusal_code(self, code: str) -> str | None:
        return _by_prefix(self.refusal_codes, code)

    def threat_code(self, code: str) -> str | None:
        return _by_prefix(self.threat_codes, code)


def _by_prefix(table: Mapping[str, str], code: str) -> str | None:
    for size in range(len(code), 0, -1):
        if code[:size] in table:
            return table[code[:size]]
    return None


@data_validator("modality")
def _validate_modality(raw: Mapping[str, Any], where: str) -> ModalityCues:
    require_schema(raw, "worldwire.modality/1", where)
    words = {
        key: frozenset(string_list(raw, key, where))
        for key in (
            "negation_words",
            "negative_objects",
            "negating_verbs",
            "negating_adjectives",
            "refusal_verbs",
            "obligation_auxiliaries",
            "prevention_verbs",
            "future_auxiliaries",
            "intent_verbs",
            "intent_adjectives",
            "intent_nouns",
            "hypothetical_auxiliaries",
            "hypothetical_markers",
            "hypothetical_words",
            "possibility_adjectives",
            "permission_participles",
            "historical_units",
            "historical_words",
            "generic_determiners",
            "generic_nouns",
            "generic_people",
            "preparation_words",
            "preparation_roots",
            "consideration_verbs",
            "action_nouns",
            "assembly_verbs",
            "assembly_purposes",
            "habitual_words",
            "evidence_verbs",
            "obligation_verbs",
            "condition_markers",
            "performative_verbs",
            "performative_lead_ins",
            "performative_subjects",
            "occasion_prepositions",
        )
    }
    tables = {}
    for key in ("intent_codes", "refusal_codes", "threat_codes"):
        codes = require(raw, key, dict, where)
        if not all(isinstance(v, str) and v.isdigit() for v in codes.values()):
            raise DataFileError(Errors.E403.format(path=where, reason=f"{key} values must be CAMEO codes"))
        tables[key] = frozen_mapping(codes)
    return ModalityCues(
        **words,
        historical_min_years=require(raw, "historical_min_years", int, where),
        historical_min_months=require(raw, "historical_min_months", int, where),
        history_min_years=require(raw, "history_min_years", int, where),
        preparation_code=require(raw, "preparation_code", str, where),
        consideration_code=require(raw, "consideration_code", str, where),
        intent_codes=tables["intent_codes"],
        refusal_codes=tables["refusal_codes"],
        threat_codes=tables["threat_codes"],
    )


def modality_cues() -> ModalityCues:
    return load_data("modality")  # type: ignore[no-any-return]
