"""From a pattern's code to the event's code: deployment, verbal attacks, the weapon used, things that are not
parties, and the cues the confidence model reads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from worldwire.events.arguments import ArgumentReader
from worldwire.events.grammar import OBJECTS, PRONOUNS, lemma_in
from worldwire.events.parties import Side, resolved
from worldwire.events.patterns import Pattern

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class CodeRefiner(ArgumentReader):
    """Code refinement for the segment coder (mixed into `_SegmentCoder`)."""

    def _deployment(self, token: Token, pattern: Pattern, source: Side, code: str) -> str | None:
        """ "NATO peacekeeping troops arrived in Bosnia": armed forces arriving are deployed, not visiting
        (peacekeepers: 074; others: 154); an intended arrival keeps its intent code."""
        book = self.book
        if (
            pattern.code not in book.reciprocal
            or code != pattern.code
            or source.sector not in book.armed_sectors
        ):
            return None
        words = {t.lemma_.lower() for t in token.sent}
        return book.peacekeeping_code if words & book.peacekeeping_words else book.deployment_code

    def _questioning(self, token: Token, source: Side) -> str | None:
        """ "Police questioned the driver": investigators putting questions to a party inquire into a crime
        (091); they do not doubt it (110)."""
        book = self.book
        if token.lemma_.lower() in book.questioning_verbs and source.sector in book.investigating_sectors:
            return book.questioning_code
        return None

    def _verbal(self, token: Token, source: Side) -> str | None:
        """ "Biden attacked Trump": an unarmed party attacking a person attacks in words."""
        book = self.book
        if lemma_in(token, dict.fromkeys(book.verbal_attack_verbs)) == "" or source.index is None:
            return None
        if source.sector in book.armed_sectors or resolved(self.actors, source.index).kind == "state":
            return None  # "Israel attacked a Hamas commander" is no criticism
        words = [c for c in token.children if c.dep_ in OBJECTS]
        objects = [i for c in words for i in self._actors_of(c)]
        person = any(resolved(self.actors, i).kind == "person" for i in objects)
        stand = any(c.lemma_.lower() in book.made_things and self.token_actor[c.i] is None for c in words)
        return book.verbal_attack_code if person or stand else None

    def _foreboding(self, token: Token, code: str) -> str | None:
        """ "warned the drought could be a threat to stability": what could happen, said of no party, is a
        pessimistic comment, no threat (not "warned Iran", nor "warned that Iran could face strikes")."""
        book = self.book
        if not code.startswith(book.threat_root) or token.lemma_.lower() not in book.foreboding_verbs:
            return None
        if any(c.dep_ in OBJECTS and self._actors_of(c) for c in token.children):
            return None
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            possible = any(
                c.dep_ == "aux" and c.lower_ in book.foreboding_auxiliaries for c in clause.children
            )
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
            if possible and not any(self._actors_of(c) for c in subjects):
                return book.pessimism_code
        return None

    def _danger_warned(self, token: Token, pattern: Pattern, source: Side) -> bool:
        """ "warned that Biden could destroy the growth", "warned people about the outbreak": a bare warning
        of what a third party could do, or of a danger coming, is no threat (CAMEO 13 is the speaker's stated
        intent to do harm); "warned it would retaliate", "warned that Iran would face strikes", "warned Y not
        to ...", "warned of war" stay threats."""
        book = self.book
        if (
            pattern.required
            or not pattern.code.startswith(book.threat_root)
            or token.pos_ != "VERB"
            or token.lemma_.lower() not in book.foreboding_verbs
            or any(c.dep_ == "xcomp" for c in token.children)
        ):
            return False
        clauses = [c for c in token.children if c.dep_ == "ccomp"]
        if clauses:
            return all(self._third_party_clause(clause, source) for clause in clauses)
        dangers = [
            o
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in book.danger_prepositions
            for o in c.children
            if o.dep_ == "pobj"
        ]
        return bool(dangers) and not any(
            self._actors_of(o) or o.lemma_.lower() in self._harm_words() for o in dangers
        )

    def _third_party_clause(self, clause: Token, source: Side) -> bool:
        """A warned clause that tells what a named party, not the speaker's side, does or could do; not what
        the one warned will suffer ("Iran would face strikes") nor a passive ("would be met with force")."""
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if (
            not subjects
            or subjects[0].lower_ in PRONOUNS
            or clause.lemma_.lower() in self.book.suffering_verbs
        ):
            return False
        sides = self._sides(self._actors_of(subjects[0]))

        def state(side: Side) -> bool:  # a country named bare: its organs are itself
            return side.sector is None and side.person is None

        return bool(sides) and not any(
            s.code == source.code or (s.country == source.country and (state(s) or state(source)))
            for s in sides
        )

    def _harm_words(self) -> frozenset[str]:
        """The words of harm the threat patterns name ("threaten war|force|sanction|attack ...")."""
        return frozenset(
            word
            for patterns in self.book.verbs.values()
            for p in patterns
            if p.code.startswith(self.book.threat_root)
            for words in p.required
            for word in words
        )

    def _on_sector(self, code: str, target: Side | None) -> str | None:
        """ "Ordered the newspaper to stop printing": a restriction on the media is one on the press."""
        by_sector = self.book.target_sector_codes.get(code)
        return None if by_sector is None or target is None else by_sector.get(target.sector or "")

    def _violence_detail(self, token: Token, source: Side, target: Side | None, code: str) -> str:
        """A violent act coded as CAMEO's codebook would: by its weapon when the sentence names one ("killed
        in an airstrike" 195, "a car bomb" 1832), as repression when police use force on protesters (175),
        as unconventional violence when a party that is no armed force attacks civilians (180)."""
        book = self.book
        if code[:2] not in ("18", "19"):
            return code
        # "twin bombings struck the cathedral": a weapon that is the verb's subject says what the attack was
        subject = next(
            (c for c in token.children if c.dep_ == "nsubj" and self.token_actor[c.i] is None), None
        )
        weapon = None if subject is None else self._weapon(token.doc[subject.left_edge.i : subject.i + 1])
        if weapon is not None:
            code = weapon
        elif code in book.refinable_violence:
            # "six were killed in the attack", or a toll with no attack named ("two were injured"): the
            # attack told before, with its weapon
            retold = source.code is None and self._retold_attack(token)
            told = self._told_attack_sentences(token) if retold or self._refers_to_attack(token) else []
            code = next(filter(None, map(self._weapon, [token.sent, *told])), code)
        if code in book.plain_bombing_codes and self._state_force(source):
            code = book.aerial_code  # "weeks of American bombing": a state bombs from the air
        if source.code is None and target is None:
            return code  # "the attack took place at 7:45": nothing says who made it or whom it hit
        # civilians, or a person named with no armed or official role ("X died after being shot in his car")
        victims = (
            target is None
            or target.sector in book.unconventional_targets
            or (target.sector is None and target.person is not None)
        )
        if (
            source.sector in book.repression_sources
            and code not in book.unrepressive_violence
            and target is not None
            and (target.sector in book.repression_targets)
        ):
            # the state's force on one person, no crowd named: the force itself ("shot him dead": 193)
            return code if self._lone_suspect(token, target) else book.repression_code
        state = source.index is not None and resolved(self.actors, source.index).kind == "state"
        armed = state or source.sector in book.conventional_armed_sectors
        if code in book.refinable_violence and code[:2] == "19" and not armed and victims:
            return book.unconventional_code
        return code

    def _state_force(self, source: Side) -> bool:
        """The source is a state or its armed forces or government (`aerial_sectors`): a bombing by them is
        an air attack ("US bombing", "the air force bombed the town"), not a terrorist's bomb."""
        if source.index is None:
            return False
        return source.sector in self.book.aerial_sectors or (
            source.sector is None and resolved(self.actors, source.index).kind == "state"
        )

    def _lone_suspect(self, token: Token, target: Side) -> bool:
        """ "The officers shot him dead", "he was shot by another police officer": police force on one person
        where the sentence names no protest or crowd is the force itself (a shooting, 193), not repression
        (175), which is force on protesters ("shot at one person" among protesters is still repression), nor
        unconventional violence (180): the police are the state's arms."""
        if not target.single:
            return False
        return not any(t.lemma_.lower() in self.book.crowd_words for t in token.sent)

    def _weapon(self, sentence: Span) -> str | None:
        """The code of the weapon a sentence names ("a car bomb": 1832), if any."""
        words = [(t.lemma_.lower(), t.lower_) for t in sentence]
        present = {w for pair in words for w in pair}
        for phrase, weapon in self.book.weapon_codes:
            if not present.issuperset(phrase):
                continue  # a word of the phrase is nowhere in the sentence: no need to seek it
            if any(
                all(k + j < len(words) and part in words[k + j] for j, part in enumerate(phrase))
                for k in range(len(words))
            ):
                return weapon
        return None

    def _thing_object(self, token: Token, pattern: Pattern) -> bool:
        """Material cooperation and conflict act on parties: an object that is an animal, a thing or an aim
        and no actor ("equipped horses", "the killing of pigs", "retreated from a goal") is another sense."""
        book = self.book
        if not any(pattern.code.startswith(root) for root in book.party_object_roots):
            return False
        preps = set(pattern.preps) | ({"of"} if token.pos_ in ("NOUN", "PROPN") else set())
        words = [c for c in token.children if c.dep_ in OBJECTS]
        words += [
            o
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in preps
            for o in c.children
            if o.dep_ == "pobj"
        ]
        counted = [  # "thousands of pigs": what is counted
            o
            for w in words
            if w.like_num or w.lemma_.lower() in book.quantity_nouns
            for c in w.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
            if o.dep_ == "pobj"
        ]
        unparties = book.non_party_objects
        if pattern.code[:2] in book.force_sense_roots:  # "fought the pandemic": no physical act
            unparties = unparties | book.unforceful_objects
        return any(
            w.lemma_.lower() in unparties and self.token_actor[w.i] is None for w in (*words, *counted)
        )

    def _unseized(self, code: str, source: Side, target: Side | None) -> bool:
        """ "Collins took over as the nominee", "Johnson took control of the party": a seizure (192) by a
        party with no arms or state, or of a party, firm or office, is succession or ownership, not
        conquest."""
        book = self.book
        if code not in book.seizure_codes:
            return False
        return source.sector in book.unseizing_sectors or (
            target is not None and target.sector in book.unseized_sectors
        )

    def _winner_named(self, token: Token, pattern: Pattern) -> bool:
        """ "The AP called the election for Biden", "networks called Ohio for the senator": an appeal's verb
        with a contest, or the place whose vote it is, as its object and a "for" names the winner of the
        contest; nobody is asked anything."""
        if not pattern.code.startswith("02"):
            return False
        contests = [
            c
            for c in token.children
            if c.dep_ == "dobj" and (c.lemma_.lower() in self.book.contest_objects or c.ent_type_ == "GPE")
        ]
        return bool(contests) and any(  # "for Biden" hung on the verb or on the contest
            c.dep_ == "prep" and c.lower_ == "for" for w in (token, *contests) for c in w.children
        )

    def _party_cues(self, source: Side, target: Side | None, found: str) -> set[str]:
        """How firmly the parties are known: a state, organisation or national actor, one reached through a
        pronoun, one with no state; where the target came from (an argument, the next actor in the clause,
        the story, none)."""
        cues = {found if target is not None else "target_none"}
        if source.index is None and source.code is None:
            cues.add("source_none")
        elif source.country is None and not (source.code or "").startswith("IGO"):
            cues.add("source_partial")
        else:
            cues.add("source_national")
            if source.index is not None and self.actors[source.index].text.lower() in PRONOUNS:
                cues.add("source_pronoun")
        if target is not None and target.country is None and not (target.code or "").startswith("IGO"):
            cues.add("target_partial")
        if target is not None and target.country is not None and target.country == source.country:
            cues.add("domestic")
        return cues
