"""Blind hand-coding of realnews-check3 (coder blind-helper-check3). Builds gold.jsonl."""
import json, re

CORPUS = '/work/shared/corpus/wikinews-2019-2020/wikinews.jsonl'
corpus = {json.loads(l)['id']: json.loads(l) for l in open(CORPUS)}

plover_map = {}
for line in open('/work/shared/codebooks/plover/CAMEO2PLOVER-2021.txt'):
    m = re.match(r'^(\d{2,4}):\s*([A-Z]*)', line)
    if m:
        plover_map[m.group(1)] = m.group(2)

def plover(code):
    if code[:2] in ('01', '02'):
        return ''
    for k in (code, code[:3], code[:2]):
        if k in plover_map and plover_map[k]:
            return plover_map[k]
    raise KeyError(code)

def sent(doc, start, end):
    """The exact span of the text from fragment `start` through fragment `end`."""
    t = corpus[doc]['text']
    i = t.index(start)
    j = t.index(end, i) + len(end)
    assert t.count(start) == 1, start
    return t[i:j]

def P(text, code):
    return None if code is None else {'text': text, 'code': code}

def E(s, src, tgt, cameo, note='', modality='asserted'):
    return {'sentence': s, 'source': src, 'target': tgt, 'cameo': cameo,
            'plover': plover(cameo), 'modality': modality, 'note': note}

docs = []

# ---------------------------------------------------------------- position 1
d = 'wikinews-2020-03-11-5dab82e2'
docs.append((d, []))   # primary results, scheduling, delegate counts: no codable event

# ---------------------------------------------------------------- position 4
d = 'wikinews-2019-09-27-d62d9216'
ev = []
s = sent(d, 'Yesterday, the Parliament of New South Wales', 'decriminalized abortion.')
ev.append(E(s, P('the Parliament of New South Wales (NSW), Australia', 'AUSLEG'), None, '081',
            'Parliament passes the bill decriminalising abortion = easing of a legal sanction (081, as check2 coded the Taiwan legalisation). No counterpart named. NSW is an Australian state: AUS + LEG.'))
s = sent(d, 'The NSW legislature in Sydney abolished', 'week 22 of a pregnancy.')
ev.append(E(s, P('The NSW legislature in Sydney', 'AUSLEG'), None, '081',
            'Same act restated with new detail (common-law rules abolished, terminations legal to week 22).'))
s = sent(d, 'Member of parliament (MP) Kevin Conolly said', '"sad day for NSW".')
ev.append(E(s, P('Member of parliament (MP) Kevin Conolly', 'AUSLEG'), P('a law allowing the termination of a life', 'AUSLEG'), '111',
            'Opposing MP calls the new law a "sad day" = criticism of the law (the legislature that passed it).'))
s = sent(d, 'Former prime minister Tony Abbott said', 'sex-selection abortions.')
ev.append(E(s, P('Former prime minister Tony Abbott', 'AUSELI'), P('', 'AUSLEG'), '111',
            'Former PM (ELI) denounces the law ("a license for sex-selection abortions").'))
s = sent(d, 'It is a license for late-term abortion', 'infanticide on demand."')
ev.append(E(s, P('', 'AUSELI'), P('', 'AUSLEG'), '111',
            'Abbott continues: "effectively infanticide on demand" (speaker named in the previous sentence).'))
docs.append((d, ev))

# ---------------------------------------------------------------- position 5
d = 'wikinews-2019-10-15-4f28770a'
ev = []
s = sent(d, 'Late on Sunday, the Kurdish-led', 'north-eastern Syria on Wednesday.')
ev.append(E(s, P('the Kurdish-led Syrian Democratic Forces (SDF)', 'SYRREB'), P('the government of Syria', 'SYRGOV'), '057',
            'Agreement entered into with the Syrian government (mutual). SDF coded SYRREB as in realnews-events.'))
ev.append(E(s, P('the government of Syria', 'SYRGOV'), P('the Kurdish-led Syrian Democratic Forces (SDF)', 'SYRREB'), '057',
            'Agreement is mutual.'))
ev.append(E(s, P('Turkey', 'TUR'), P('north-eastern Syria', 'SYR'), '190',
            'Turkish military offensive into Syria (began Wednesday).'))
s = sent(d, 'According to Syrian state media, government forces', 'territory yesterday.')
ev.append(E(s, P('government forces', 'SYRMIL'), None, '154',
            'Army deploys into former SDF territory (as agreed with the SDF, against the Turkish offensive) = mobilise/deploy armed forces; no counterpart named.'))
s = sent(d, 'Also on Sunday, the United States announced a complete withdrawal', 'on October 6.')
ev.append(E(s, P('the United States', 'USA'), P('the region', 'SYR'), '0874',
            'Announced complete troop withdrawal from northern Syria; coded as the withdrawal (0874) as realnews-events did for the earlier announcement. The earlier announcement (noun phrase, background) not coded.'))
s = sent(d, 'In a statement, the SDF said, "An agreement', 'aggression".')
ev.append(E(s, P('the SDF', 'SYRREB'), P('the Syrian government', 'SYRGOV'), '057',
            'Agreement restated with its content (Syrian Army to deploy along the border).'))
ev.append(E(s, P('the Syrian government', 'SYRGOV'), P('the SDF', 'SYRREB'), '057', 'Mutual.'))
ev.append(E(s, P('the SDF', 'SYRREB'), P('the Turkish', 'TUR'), '111',
            'Calls the Turkish offensive "aggression" = denunciation. Low-moderate confidence.'))
s = sent(d, 'The Syrian Army — whose commander-in-chief', 'according to state media.')
ev.append(E(s, P('The Syrian Army', 'SYRMIL'), None, '154',
            'Army enters Tell Tamer and Ain Issa (the deployment, new detail). 192 (occupy) rejected: own territory, by agreement with the SDF.'))
s = sent(d, 'The SDF said hundreds of ISIS', 'a camp at Ain Issa.')
ev.append(E(s, P('Turkish', 'TURMIL'), None, '195',
            'Turkish airstrikes (reported by the SDF; a noun phrase, but the current offensive, not background). No target named (the camp is a place). The escape of ISIS fighters is not a CAMEO event.'))
s = sent(d, 'On October 6, US President Donald Trump', 'spoke on the phone.')
ev.append(E(s, P('US President Donald Trump', 'USAGOV'), P('Turkish President Recep Tayyip Erdoğan', 'TURGOV'), '041', 'Phone call, mutual.'))
ev.append(E(s, P('Turkish President Recep Tayyip Erdoğan', 'TURGOV'), P('US President Donald Trump', 'USAGOV'), '041', 'Phone call, mutual.'))
s = sent(d, 'Then both nations issued statements', 'captured ISIS militants.')
ev.append(E(s, P('Turkey', 'TUR'), P('northeast Syria', 'SYR'), '190',
            'Statements of an imminent Turkish incursion; recorded as the planned act, intended (as realnews-events coded the same White House statement).', 'intended'))
ev.append(E(s, P('Turkey', 'TUR'), P('captured ISIS militants', 'IMGMOSISI'), '173',
            'US statement: Turkey to take over guarding captured ISIS fighters (planned detention), as realnews-events coded it.', 'intended'))
s = sent(d, 'On Wednesday, Turkey began a military offensive', 'ground invasion.')
ev.append(E(s, P('Turkey', 'TUR'), P('', 'SYR'), '190',
            'Offensive restated with detail (airstrikes, ground invasion); target (Syria/SDF) implicit.'))
s = sent(d, 'He named it "Operation Peace Spring"', 'as terrorists.')
ev.append(E(s, P('He', 'TURGOV'), P("the Kurdistan Workers' Party (PKK)", 'TURREB'), '112',
            'Erdogan labels the PKK terrorists = accusation. PKK: TURREB (Phoenix).'))
ev.append(E(s, P('He', 'TURGOV'), P("People's Protection Units (YPG)", 'SYRREB'), '112',
            'Labels the YPG terrorists. YPG: SYRREB.'))
s = sent(d, 'The operation was condemned', 'European Union.')
ev.append(E(s, P('members of the European Union', 'IGOEUREEC'), P('The operation', 'TURMIL'), '111',
            'Condemned = 111. EU member states coded as the EU (IGOEUREEC); the target is the Turkish military operation.'))
s = sent(d, 'Erdoğan cited Article 5', 'addressing the press yesterday.')
ev.append(E(s, P('Erdoğan', 'TURGOV'), P('They', 'IGOWSTNAT'), '102',
            '"They need to stand by us", invoking Article 5 = demand for policy support from NATO allies. 022 (appeal) possible.'))
s = sent(d, 'NATO Secretary-General Jens Stoltenberg wrote', 'not jeopardised."')
ev.append(E(s, P('NATO Secretary-General Jens Stoltenberg', 'IGOWSTNAT'), P('Turkey', 'TUR'), '0256',
            '"I count on Turkey to act with restraint" = appeal to de-escalate.'))
docs.append((d, ev))

# ---------------------------------------------------------------- position 7
d = 'wikinews-2019-09-18-42c6a3da'
ev = []
s = sent(d, 'Yesterday, Thames Valley Police said', 'theft of a gold toilet.')
ev.append(E(s, P('Thames Valley Police', 'GBRCOP'), P('a second man', 'GBRCRM'), '173', 'Arrest; suspects coded CRM.'))
s = sent(d, 'Another man, who was was arrested', 'released on bail.')
ev.append(E(s, P('', 'GBRCOP'), P('Another man', 'GBRCRM'), '173', 'Arrest (relative clause, restated), police implicit.'))
ev.append(E(s, P('', 'GBRCOP'), P('Another man', 'GBRCRM'), '0841', 'Released on bail = release person.'))
s = sent(d, 'Police arrested a 36-year-old Cheltenham man', 'conspiracy to burgle.')
ev.append(E(s, P('Police', 'GBRCOP'), P('a 36-year-old Cheltenham man', 'GBRCRM'), '173', ''))
s = sent(d, 'They subsequently released him', 'pending investigation.')
ev.append(E(s, P('They', 'GBRCOP'), P('him', 'GBRCRM'), '0841', 'Released pending investigation.'))
s = sent(d, 'On Saturday they arrested a 66-year-old man', 'till October.')
ev.append(E(s, P('they', 'GBRCOP'), P('a 66-year-old man', 'GBRCRM'), '173', ''))
ev.append(E(s, P('they', 'GBRCOP'), P('him', 'GBRCRM'), '0841', 'Released on bail.'))
s = sent(d, '"We are continuing to investigate', 'in connection with it.')
ev.append(E(s, P('We', 'GBRCOP'), None, '091', 'Police investigating the theft; no suspect named.'))
ev.append(E(s, P('We', 'GBRCOP'), P('', 'GBRCRM'), '173', 'Second arrest restated (quote of Detective Inspector Jones).'))
s = sent(d, 'Our priority is to locate the stolen item', 'said Detective Inspector Steven Jones.')
ev.append(E(s, P('Detective Inspector Steven Jones', 'GBRCOP'), P('anyone with any information', 'GBRCVL'), '020',
            'Urges the public to come forward with information = appeal (0214 possible).'))
docs.append((d, ev))

# ---------------------------------------------------------------- position 12
d = 'wikinews-2019-10-17-8b0c3b4e'
ev = []
s = sent(d, 'Yesterday, authorities in the United Kingdom', 'child pornography site.')
ev.append(E(s, P('', '---COP'), P('337 suspected users', '---CRM'), '173',
            'Arrests (passive, agent unnamed: police of many countries in the task force); the UK/US announcement itself is a plain report. Users in 38 countries: no single country.'))
s = sent(d, 'Authorities shuttered and seized', 'in March 2018.')
ev.append(E(s, P('Authorities', '---COP'), P('the site', 'KORCRM'), '1711',
            'Seized the site = confiscate property of its (South Korean) operator. "Authorities" of several countries: ---COP.'))
s = sent(d, 'Jong Woo Son is already in prison', 'further charges against him.')
ev.append(E(s, P('the United States Department of Justice', 'USAJUD'), P('him', 'KORCRM'), '173',
            'Unsealed charges = charge with legal action. DOJ coded USAJUD as in realnews-events. His imprisonment in South Korea is a state, not coded.'))
s = sent(d, "It was the NCA's investigation of Matthew Falder", 'South Korean website.')
ev.append(E(s, P("the NCA's", 'GBRCOP'), P('Matthew Falder', 'GBRCRM'), '091',
            'NCA investigation of Falder (a noun phrase, but the assertion of the sentence; past). Low-moderate confidence.'))
s = sent(d, 'Jong was arrested in March, 2018', 'investigation continued.')
ev.append(E(s, P("South Korea's National Police Agency", 'KORCOP'), P('Jong', 'KORCRM'), '173',
            'Arrest (2018), announced by the Korean police, whose arrest it was.'))
s = sent(d, "Some of the site's users already pleaded guilty", 'announcements.')
ev.append(E(s, P("Some of the site's users", '---CRM'), None, '015', 'Guilty pleas = acknowledge responsibility.'))
ev.append(E(s, P('', '---JUD'), P("Some of the site's users", '---CRM'), '116', 'Convictions (courts implicit).'))
s = sent(d, 'They also stated arrests were made in Australia', 'and the United Kingdom.')
ev.append(E(s, P('', '---COP'), P('', '---CRM'), '173',
            'Arrests restated with the countries where they were made (places, not actors).'))
docs.append((d, ev))

# ---------------------------------------------------------------- position 15
d = 'wikinews-2019-07-08-b04aff84'
ev = []
s = sent(d, 'On Friday, Youssef Chahed', 'government offices.')
ev.append(E(s, P('Youssef Chahed, the Prime Minister of Tunisia', 'TUNGOV'), P('anyone wearing a niqab', 'TUNCVL'), '172',
            'Decree banning niqab wearers from public buildings = administrative restriction (1721 possible).'))
s = sent(d, '"Chahed signed a government decree that bars', 'a government official said.')
ev.append(E(s, P('Chahed', 'TUNGOV'), P('any person with an undisclosed face', 'TUNCVL'), '172',
            'Decree restated by a government official.'))
s = sent(d, 'This decision comes after a couple of suicide bombings', 'last month.')
ev.append(E(s, None, None, '1831', 'Suicide bombings in Tunis, author not named in the sentence (source null).'))
s = sent(d, 'Reportedly, two people were killed', 'on June 27.')
ev.append(E(s, None, P('two people', 'TUNCVL'), '1831', 'The June 27 suicide bombing, new detail (2 killed, 8 injured).'))
s = sent(d, 'In the span of one week, at least three', 'took place in Tunisia.')
ev.append(E(s, None, None, '1831', 'Bombings restated with new detail (three in one week).'))
s = sent(d, 'The militant organisation, the Islamic State', 'all three attacks.')
ev.append(E(s, P('the Islamic State of Iraq and the Levant', 'IMGMOSISI'), None, '015', 'Claimed responsibility.'))
s = sent(d, 'Speaking to Agence France-Presse', 'for this decision".')
ev.append(E(s, P('the president of the Tunisian League for the Defence of Human Rights, Jamel Msallem', 'TUNNGO'),
            P('this decision', 'TUNGOV'), '051',
            'Human-rights league head: "we find justifications for this decision" = endorsement (despite the freedom-to-dress caveat). Low-moderate confidence.'))
s = sent(d, 'A member of the Tunisian Parliament, Samir Dilou', 'is understandable".')
ev.append(E(s, P('A member of the Tunisian Parliament, Samir Dilou', 'TUNLEG'), P('', 'TUNGOV'), '051',
            'MP: every security measure "is understandable" = endorsement of the decree. Low confidence (generic wording).'))
s = sent(d, "Tunisia's neighbouring Muslim-majority", 'bans on niqabs.')
ev.append(E(s, P('Algeria', 'DZA'), P('', 'DZACVL'), '172', 'Algeria imposed a niqab ban (past).'))
ev.append(E(s, P('Morocco', 'MAR'), P('', 'MARCVL'), '172', 'Morocco imposed a niqab ban (past).'))
s = sent(d, 'Previously, another Islamic religious garment', 'Presidency.')
ev.append(E(s, P('', 'TUNGOV'), P('', 'TUNCVL'), '172', 'Hijab ban in public offices under Ben Ali (background, past; source the then government).'))
s = sent(d, 'That ban was lifted in 2011.', 'That ban was lifted in 2011.')
ev.append(E(s, P('', 'TUNGOV'), P('', 'TUNCVL'), '081', 'Ban lifted = ease administrative sanction.'))
docs.append((d, ev))

with open('gold.jsonl', 'w') as f:
    for d, ev in docs:
        c = corpus[d]
        for e in ev:
            assert e['sentence'] in c['text']
            for p in ('source', 'target'):
                if e[p] and e[p]['text']:
                    assert e[p]['text'] in e['sentence'], (e[p]['text'], e['sentence'])
        rec = {'doc': d, 'date': c['date'], 'title': c['title'], 'url': c['url'], 'text': c['text'],
               'coder': 'blind-helper-check3', 'events': ev}
        f.write(json.dumps(rec) + '\n')
        print(d, len(ev))
