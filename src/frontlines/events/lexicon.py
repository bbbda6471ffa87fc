"""Trigger lexicons and lexical patterns for event detection: heuristics as data.

Each cue is ``(label, weight, regex)``. A label is either an ACLED sub-event type name or a *cue class* starting
with ``@`` that ``detect.py`` resolves with context (who captured, who was attacked, whether a protest is going on).
Weights are in 0..1: how sure the cue alone makes us; more specific weapons outrank generic fighting words so that
"a grenade exploded during clashes" is a grenade attack. Regexes are matched case-insensitively on one sentence.

The ``_W`` gap allows a few words between a verb and its object ("seized two MON-50 landmines").
"""

from __future__ import annotations


def words(*alternatives: str) -> str:
    """A regex matching any of the alternatives as whole words: words("a", "b") -> \\b(?:a|b)\\b."""
    return r"\b(?:" + "|".join(alternatives) + r")\b"


# A short gap of up to ~8 words that stays inside one clause.
_W = r"[^.;:!?]{0,60}?"
_NUM = r"(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|dozens? of|scores of|several|hundreds? of)"

# People (not places, weapons or goods): what an abduction takes ("seized three fishermen").
PERSON_NOUNS = (
    r"(?:priests?|pastors?|imams?|clerics?|m[ae]n|wom[ae]n|girls?|boys?|children|schoolchildren|schoolgirls|"
    r"schoolboys|students?|pupils?|teachers?|farmers?|herders?|fishermen|sailors|seafarers|crew(?: ?members)?|"
    r"villagers?|residents?|civilians?|people|persons|passengers?|travell?ers?|motorists|drivers?|workers?|"
    r"employees|staff|contractors|journalists?|reporters?|bloggers?|activists?|traders?|merchants|tourists?|"
    r"foreigners|nationals|missionar(?:y|ies)|chiefs?|nuns?|doctors?|nurses?|engineers?|officials?|"
    r"(?:local )?leaders?|relatives|famil(?:y|ies)|pilgrims|worshippers|hunters|miners|lawyers?)"
)

# Buildings and infrastructure (not vehicles or people): what property destruction destroys.
PROPERTY_NOUNS = (
    r"(?:houses?|homes?|residences?|bridges?|buildings?|towers?|masts?|pylons?|pipelines?|schools?|offices?|"
    r"church(?:es)?|mosques?|shrines?|tombs?|statues?|monuments?|wells?|power (?:lines?|stations?|plants?)|"
    r"railways?|rail (?:lines?|tracks?)|dams?|factor(?:y|ies)|shops?|markets?)"
)

# Cue classes resolved by detect.py.
ASSAULT = "@assault"  # an armed attack: battle if the target is armed, attack on civilians otherwise
KILLING = "@killing"  # killings, shootings: attack on civilians unless both sides are armed
CAPTURE = "@capture"  # territory taken: the capturer's kind decides government vs non-state
RECAPTURE = "@recapture"  # territory taken back: as capture, but defaults to government
WITHDRAWAL = "@withdrawal"  # forces leave a place: transfer of territory, or a change of activity for a base
ARREST = "@arrest"  # detentions: dropped when the charge is ordinary crime
EXPLOSION = "@explosion"  # bombs and blasts of unknown kind: remote explosive unless an accident
PROTEST = "@protest"  # a demonstration is going on: peaceful unless a modifier says otherwise
ARMED_KILLING = "@armed_killing"  # a killing verb that counts only with an armed perpetrator named in the sentence
ADVANCE = "@advance"  # forces advancing or fighting: a battle when an armed actor is named, nothing otherwise
EXECUTION = "@execution"  # executions, stonings, beheadings: an attack when an armed group is named
TARGETING = "@targeting"  # "forces target the town": an assault, but only when an armed actor is named
ARMED_CAPTURE = "@armed_capture"  # a capture cue that also fits business news: needs an armed actor named
ARMED_CHANGE = "@armed_change"  # a change of leadership: a change to an armed group only when one is named
ARMED_LOOTING = "@armed_looting"  # goods stolen or livestock rustled: looting only when an armed actor is named
BLAST_PROPERTY = "@blast_property"  # buildings blown up: destruction, or a remote explosive if people were hurt
EMERGENCY = "@emergency"  # emergency rule or a curfew: a development of its own, unless a disaster prompted it
CASUALTIES = "@casualties"  # deaths or casualties with no act named: attack on civilians or clash between fighters

TRIGGER_CUES: tuple[tuple[str, float, str], ...] = (
    # --- Chemical weapons: named agents or explicit chemical attacks.
    (
        "Chemical weapon",
        0.97,
        words(r"chemical (?:weapons?|attacks?|agents?|munitions?)", r"nerve agents?", r"sarin", r"mustard gas"),
    ),
    (
        "Chemical weapon",
        0.95,
        words(
            r"chlorine",
            r"chloropicrin",
            r"phosgene",
            r"mustard (?:gas|agents?)",
            r"(?:blister|choking|blood) agents?",
            r"(?:poison(?:ous)?|toxic|noxious) (?:\w+ )?gas(?:es)?",
            r"poisonous chemicals",
            r"gas attack",
        ),
    ),
    # --- Suicide attacks: the attacker dies with the bomb.
    (
        "Suicide bomb",
        0.96,
        words(r"explosives? strapped to (?:his|her|their) bod(?:y|ies)", r"(?:explosive|suicide) (?:belt|vest)s?"),
    ),
    (
        "Suicide bomb",
        0.98,
        r"\bsuicide (?:\w+ )?(?:bomb(?:er|ers|ing|ings|s)?|attack(?:er|ers|s)?|vests?|blasts?|explosions?|bombings?|"
        r"operations?|missions?|devices?)\b",
    ),
    # The attacker named by what he wore or drove, or dying in his own blast; martyrdom operations in the group's
    # own words ("triggered his vest", "a vehicle packed with explosives was driven into the checkpoint").
    (
        "Suicide bomb",
        0.96,
        words(
            r"(?:detonat\w*|trigger\w*|set off|activat\w*) (?:his|her|their) (?:\w+ )?(?:vests?|belts?|explosives?)",
            r"martyrdom (?:operations?|attacks?|seekers?|missions?)",
            r"(?:attacker|bomber|assailant)s? (?:\w+ ){0,3}died in the (?:blast|explosion|attack)",
            r"(?:vehicle|car|truck|lorry|motorcycle)s? (?:packed|laden|loaded|filled) with explosives (?:was |were )?"
            r"(?:driven|rammed|crashed|drove|steered)",
            r"(?:rammed|drove|crashed) (?:an? )?(?:explosives?-laden|explosive-packed|bomb-laden) (?:\w+ )?"
            r"(?:vehicle|car|truck|lorry)",
            r"(?:female|teenage|child|boy|girl) (?:suicide )?bombers?",
        ),
    ),
    (
        "Suicide bomb",
        0.98,
        r"\bblew (?:himself|herself|themselves|itself) up\b|\bblow (?:himself|herself|themselves) up\b",
    ),
    ("Suicide bomb", 0.95, r"\bkamikazes?\b|\bself-detonat\w*|\bsuicide\w*\b" + _W + r"\bdetonat\w*"),
    # --- Air and drone strikes: aircraft, drones, sorties, barrel bombs (dropped from helicopters).
    (
        "Air/drone strike",
        0.96,
        words(r"air ?strikes?", r"air ?raids?", r"aerial (?:bombardments?|attacks?|strikes?|bombing)"),
    ),
    (
        "Air/drone strike",
        0.95,
        words(r"warplanes?", r"war ?jets?", r"helicopter gunships?", r"combat sorties", r"sorties"),
    ),
    (
        "Air/drone strike",
        0.94,
        r"\bdrone (?:strikes?|attacks?|bombings?)\b|\bdrones? (?:struck|hit|targeted|attacked|killed|bombed|fired)\b|"
        r"\b(?:launched|sent|fired|flew) (?:[\w-]+ ){0,6}drones? (?:at|on|against|into|towards?)\b",
    ),
    (
        "Air/drone strike",
        0.93,
        r"\b(?:helicopters?|aircraft|planes?|jets?|f-16s?)\b"
        + _W
        + r"\b(?:bomb\w*|struck|strik\w*|pounded|fired|targeted|shelled|hit|attacked|raid\w*)\b",
    ),
    (
        "Air/drone strike",
        0.92,
        r"\bbarrel bombs?\b|\bbombing raids?\b|\bair force\b" + _W + r"\b(?:attack|strike|bomb|target)\w*",
    ),
    ("Air/drone strike", 0.9, r"\bcruise missiles?\b"),
    # The target named first ("two trucks were hit by a Turkish drone").
    (
        "Air/drone strike",
        0.94,
        r"\b(?:hit|struck|targeted|destroyed|bombed) by (?:an? |the )?(?:[\w'’-]+ ){0,3}(?:drones?|warplanes?|"
        r"war ?jets?|aircraft|air ?strikes?|helicopters?|fighter jets?)\b",
    ),
    # --- Shelling, artillery, rockets and ground-launched missiles.
    (
        "Shelling/artillery/missile attack",
        0.9,
        words(r"shell(?:ing|ed|s)", r"mortars?(?: rounds?| shells?| fire)?", r"artillery", r"howitzers?"),
    ),
    (
        "Shelling/artillery/missile attack",
        0.88,
        r"\b(?:rockets?|missiles?|katyushas?|grad|projectiles?)\b"
        + _W
        + words(
            r"fired",
            r"launched",
            r"struck",
            r"hits?",
            r"lands?",
            r"landed",
            r"slam(?:s|med)",
            r"rained",
            r"fell",
            r"falls",
            r"attack\w*",
            r"strikes?",
        ),
    ),
    (
        "Shelling/artillery/missile attack",
        0.88,
        r"\b(?:fired|launched|lobbed)\b" + _W + r"\b(?:rockets?|missiles?|shells?|projectiles?)\b",
    ),
    # The target named first ("the ship was hit by a surface-to-surface missile").
    (
        "Shelling/artillery/missile attack",
        0.88,
        r"\b(?:hit|struck|targeted|destroyed|damaged) by (?:an? |the |\w+ )?(?:[\w'’-]+ ){0,4}(?:rockets?|missiles?|"
        r"shells?|mortars?|mortar (?:rounds|bombs)|artillery)\b",
    ),
    (
        "Shelling/artillery/missile attack",
        0.86,
        r"\b(?:missile|rocket) (?:attacks?|strikes?|fire|barrage)\b|\btank (?:fire|shells?|attack)\b|\bbombard\w*",
    ),
    # --- Remote explosives: IEDs, car and roadside bombs, landmines, planted bombs.
    (
        "Remote explosive/landmine/IED",
        0.95,
        words(
            r"ieds?",
            r"vbieds?",
            r"improvised (?:explosive|bomb)\w*",
            r"roadside (?:bombs?|explosions?|blasts?|mines?)",
            r"car bombs?",
            r"(?:land|ground|sea) ?mines?",
            r"limpet\w*",
            r"sticky bombs?",
            r"parcel bombs?",
            r"booby[- ]trap\w*",
            r"pipe bombs?",
            r"magnetic (?:bombs?|mines?|explosives?)",
        ),
    ),
    # The device named before how it was placed, or the victim who rode onto it ("a bomb planted under a parked
    # car", "rode over an explosive device buried on the track").
    (
        "Remote explosive/landmine/IED",
        0.9,
        r"\b(?:bombs?|explosives?|explosive devices?|devices?)\b (?:\w+ ){0,2}(?:planted|buried|hidden|attached|placed)"
        r"\b|\b(?:rode|drove|ran|stepped|rolled) (?:over|on|onto) (?:an? |the )?(?:\w+ )?(?:explosive devices?|bombs?)"
        r"\b|\brigged with explosives\b",
    ),
    (
        "Remote explosive/landmine/IED",
        0.9,
        r"\b(?:planted|remote(?:ly)?[- ]?(?:controlled|detonated)?)\b" + _W + r"\b(?:bombs?|explosives?|devices?)\b",
    ),
    (
        "Remote explosive/landmine/IED",
        0.9,
        r"\bmines?\b" + _W + r"\b(?:exploded|went off|blast|explosion|laid|planted)\b|"
        r"\b(?:hit|struck|stepped on|ran over|drove over|rolled over|jumped on|triggered) (?:a|an) (?:\w+ )?mine\b",
    ),
    (
        EXPLOSION,
        0.85,
        r"\b(?:bombs?|explosive devices?|explosives?)\b"
        + _W
        + words(
            r"explod\w*",
            r"went off",
            r"blew up",
            r"detonat\w*",
            r"ripped",
            r"blast",
            r"killed",
            r"wounded",
            r"injured",
        ),
    ),
    # The victim hit or triggered the device ("their vehicle struck an explosive device").
    (
        EXPLOSION,
        0.84,
        r"\b(?:killed|wounded|injured|hit|struck|triggered|set off)\b" + _W + r"\b(?:explosive devices?|bombs?)\b",
    ),
    (EXPLOSION, 0.84, r"\b(?:detonated|bomb attacks?|bomb blasts?|bombings?|twin blasts?)\b"),
    # A bare blast or explosion counts only with harm or damage near it ("a blast with critics" is not one).
    (
        EXPLOSION,
        0.62,
        r"\b(?:blasts?|explosions?)\b"
        + _W
        + words(
            r"kill\w*",
            r"wound\w*",
            r"injur\w*",
            r"dead",
            r"rock(?:s|ed)",
            r"hits?",
            r"tore",
            r"ripped",
            r"damag\w*",
            r"shak(?:e|es|ing)",
            r"shook",
            r"casualt\w*",
            r"destruction",
            r"losses",
        )
        + r"|\b(?:killed|wounded|injured|hurt|casualties)\b"
        + _W
        + r"\b(?:blasts?|explosions?)\b",
    ),
    # An explosion set off by an armed group ("the group carried out an explosion"), or a bare one in a conflict
    # report; accidents are dropped by ACCIDENT_CONTEXT when detect.py resolves the class.
    (EXPLOSION, 0.62, r"\b(?:carr(?:y|ies|ied) out|caus(?:e|es|ed)|set off) (?:an? |the )?(?:\w+ )?explosions?\b"),
    (EXPLOSION, 0.55, r"\bexplosions? (?:in|at|near|inside|within|on|targets?|targeted)\b"),
    # --- Grenades: thrown or launched hand explosives.
    ("Grenade", 0.94, r"\bgrenades?\b"),
    # --- Sexual violence: rape and sexual assault.
    (
        "Sexual violence",
        0.96,
        words(
            r"rap(?:e|ed|es|ing|ist|ists)",
            r"gang-?rap\w*",
            r"sexual(?:ly)? (?:assault\w*|violence|abuse\w*|harass\w*|exploit\w*)",
            r"molest\w*",
        ),
    ),
    # --- Abductions and enforced disappearances.
    (
        "Abduction/forced disappearance",
        0.93,
        words(
            r"abduct(?:ed|ion|ions|ing|s)?",
            r"kidnap(?:ped|ping|pings|s)?",
            r"taken hostage",
            r"(?:took|taken|take|takes|seized|held) (?:\w+ ){1,4}(?:hostage|captive)s?",
            r"taken captive",
            r"held hostage",
            r"hostages? taking",
            r"(?:enforced|forced) disappearances?",
            r"disappeared",
        ),
    ),
    (
        "Abduction/forced disappearance",
        0.8,
        r"\b(?:have|had|has) taken (?:away )?(?:at least )?"
        + _NUM
        + r" (?:\w+ )?(?:people|persons|civilians|men|women|youths?|villagers)\b",
    ),
    # People seized or snatched: an abduction ("armed men seized a priest from his parish").
    (
        "Abduction/forced disappearance",
        0.88,
        r"\b(?:seized|snatched|grabbed|whisked away|took away|carried away|captured)\s+(?:a|an|the|two|three|several|"
        r"\d+)?\s*(?:[\w-]+\s+){0,2}?" + PERSON_NOUNS + r"\b",
    ),
    # The same told in the passive ("three fishermen were seized by pirates").
    (
        "Abduction/forced disappearance",
        0.86,
        r"\b" + PERSON_NOUNS + r" (?:were|was|have been|has been|had been) (?:\w+ )?(?:seized|snatched|grabbed|"
        r"whisked away|taken away|carried away|taken|picked up|led away) by\b",
    ),
    (
        "Abduction/forced disappearance",
        0.85,
        r"\b(?:took|taken|dragged|whisked|picked up|led) (?:him|her|them) (?:away )?from (?:his|"
        r"her|their) (?:homes?|houses?|beds?|offices?|cars?|vehicles?|shops?|workplaces?|farms?)\b",
    ),
    # --- Armed clashes: two armed sides fighting.
    (
        "Armed clash",
        0.78,
        words(
            r"clash(?:ed|es)?",
            r"gun ?battles?",
            r"gun ?fights?",
            r"engaged (?:\w+ ){0,3}(?:fighters|militants|rebels|insurgents|troops|soldiers|forces)",
            r"fire ?fights?",
            r"traded (?:gun)?fire",
            r"came under (?:heavy )?(?:gun)?fire",
            r"returned fire",
            r"exchanged (?:gun)?fire",
            r"shoot-?outs?",
            r"exchanges? of (?:gun)?fire",
            r"exchanged fire",
            r"fierce fighting",
            r"heavy fighting",
            r"fighting(?! vehicles?| season| age| chance| spirit| fit| force)",
            r"fought",
            r"battles?",
            r"skirmish\w*",
            r"ambush\w*",
            r"counter-?attack\w*",
            r"repuls\w*",
            r"repelled",
            r"fended off",
            r"offensive",
            r"firefight",
            r"confrontations?",
            r"neutrali[sz](?:ed|es|ing)",
            r"eliminated (?:\d[\d,]* |several |dozens of )?(?:\w+ )?(?:terrorists|militants|"
            r"insurgents|rebels|bandits|fighters)",
            r"(?:heavy |fierce |cross-border )?exchanges? between",
            r"hostilities",
            r"battled",
            r"combat",
            r"engagements?",
            r"(?:military|security|clearance|counter-?insurgency|counter-?terrorism) operations?",
        ),
    ),
    (
        "Armed clash",
        0.75,
        r"\b(?:(?:security forces|troops|soldiers|army|police)"
        + _W
        + r"killed"
        + _W
        + r"(?:militants?|rebels?|insurgents?|terrorists?|jihadists?|gunmen|fighters|bandits))\b",
    ),
    # --- Armed attacks whose target decides battle vs attack on civilians.
    (
        ASSAULT,
        0.72,
        words(
            r"attack(?:ed|s|ing)?",
            r"raid(?:ed|s)?",
            r"stormed",
            r"opened fire",
            r"assault(?:ed)?",
            r"overran",
            r"targeted",
        ),
    ),
    (
        KILLING,
        0.72,
        r"\b(?:killed|killing|murdered|shot|shooting|stabbed|hacked)\s+(?:\w+\s+){0,4}?(?:civilians?|"
        r"villagers?|farmers?|worshippers?|journalists?|activists?|teachers?|students?|"
        r"passengers?|herders?|traders?|children|women|chiefs?|politicians?|clerics?|"
        r"priests?|imams?)\b",
    ),
    (
        KILLING,
        0.7,
        words(
            r"gunm[ae]n",
            r"assailants",
            r"attackers",
            r"militants",
            r"insurgents",
            r"bandits",
            r"jihadists",
            r"rebels",
            r"terrorists",
            r"armed men",
            r"unknown men",
            r"unidentified (?:men|gunmen|assailants)",
            r"hitmen",
            r"militiamen",
        )
        + _W
        + r"\b(?:killed|shot|murdered|slaughtered|beheaded|hacked)\b",
    ),
    (
        KILLING,
        0.72,
        words(
            r"massacr\w*",
            r"shot dead",
            r"gunned down",
            r"beheaded",
            r"executed",
            r"assassinat\w*",
            r"hacked to death",
            r"execution-style",
            # found dead with the marks of a killing ("a man was found dead with bullet wounds")
            r"found (?:dead|murdered|lifeless) (?:\w+ ){0,4}(?:with|bearing) (?:\w+ )?(?:gunshot|bullet|stab|knife|"
            r"machete) wounds?",
            r"found (?:shot|stabbed|strangled|hacked|tortured|beaten) (?:dead|to death)",
        ),
    ),
    # The victims named first ("a social leader was murdered by armed men", "two teachers were shot"): the parse
    # reads them as the verb's passive subject.
    (
        KILLING,
        0.72,
        r"\b(?:was|were|been|being|is|are) (?:\w+ )?(?:murdered|shot(?: dead)?|gunned down|stabbed(?: to death)?|"
        r"hacked to death|slain|assassinated|tortured(?: to death)?|beaten to death|burn(?:ed|t) (?:alive|to death))\b",
    ),
    # Bodies found bearing the marks of a killing ("the bodies of four men were found with gunshot wounds", "a
    # corpse riddled with bullets"): a killing whose perpetrator is unknown.
    (
        KILLING,
        0.72,
        r"\b(?:bod(?:y|ies)|corpses?|remains)\b(?:[^.;:!?]{0,80}?)\b(?:gunshot|bullet|stab|machete|knife) (?:wounds?|"
        r"marks|holes)|\b(?:bod(?:y|ies)|corpses?)\b(?:[^.;:!?]{0,60}?)\b(?:riddled with bullets|(?:bearing|with|"
        r"showing) (?:signs|marks|traces) of (?:torture|violence|execution)|"
        r"shot (?:in|through) the (?:head|chest|back)|hands? (?:tied|bound)|bound and (?:shot|gagged)|beheaded|"
        r"decapitated|mutilated|dismembered|tortured)\b"
        r"|\b(?:decapitated|mutilated|dismembered|bullet-riddled|headless) (?:bod(?:y|ies)|corpses?)\b",
    ),
    # --- Headline verbs in the present tense ("forces shell the town", "group executes two men"): short news titles
    # report past events in the present, which the past-tense cues above miss.
    (
        "Shelling/artillery/missile attack",
        0.88,
        r"\b(?:(?-i:shell)|(?-i:Shell)(?= (?-i:[A-Z])))\b"
        r"(?! (?:compan\w*|corporations?|plc|oil|gas|petrol\w*|stations?|games?|scripts?|shock\w*))",
    ),
    ("Air/drone strike", 0.94, words(r"air attacks?", r"air bombardments?", r"aerial raids?")),
    (TARGETING, 0.7, words(r"targets", r"target(?= (?:the |areas?|places?|positions?|locations?|[A-Z]))")),
    (
        ARMED_KILLING,
        0.74,
        words(
            r"kills?",
            r"shoots?(?: dead)?",
            r"slaughter(?:s|ed)?",
            r"tortured to death",
            r"liquidat(?:es|ed)",
        ),
    ),
    (
        EXECUTION,
        0.76,
        words(
            r"execut(?:es|ing)",
            r"executions? of",
            r"behead(?:s|ing)?",
            r"ston(?:e|es|ed|ing) (?:\w+ ){0,3}to death",
            r"stonings?",
        ),
    ),
    # --- Ground advances: forces moving on a place; without a stated change of control ACLED codes a battle.
    (
        ADVANCE,
        0.74,
        words(
            r"advanc(?:e|es|ing) (?:again |further |slowly |rapidly )?(?:in|into|on|towards?|near|within|inside)",
            r"advanc(?:e|es|ing) (?:again )?(?:east|west|north|south)\w*",
            r"advancements?",
            r"infiltration attempts?",
            # an attempt to take a place, repelled or not, is a fight ("repeated attempts by the forces to control")
            r"(?:attempts?|attempted|tries|trying|bids?)(?: by [^.;:!?]{1,80}?)? to (?:storm|infiltrate|advance|"
            r"control|capture|seize|take|retake|recapture|break through)",
            r"fight(?:s)? (?:fiercely|desperately|on)",
        ),
    ),
    # --- Casualty-only reports ("five killed in the town", "casualties in the countryside"): an event whose
    # kind detect.py reads from the victims; weak, so any cue naming the weapon or act outranks it.
    (
        CASUALTIES,
        0.6,
        words(
            r"(?:were|was|are|is|been|being) killed",
            r"killed (?:and|or) (?:wounded|injured)",
            r"killed (?:in|at|near|on|during)",
            r"martyr(?:s|ed|dom)?",
            r"casualt(?:y|ies)",
            r"death toll",
            r"human losses",
            r"(?:lose|loses|lost) (?:his|her|their) li(?:fe|ves)",
        ),
    ),
    (
        CASUALTIES,
        0.6,
        r"\b(?:fighters?|soldiers?|civilians?|members?|militiam[ae]n|rebels?|combatants?|child|children|citizens?)"
        r" (?:\w+ )?(?:dies|died)\b",
    ),
    # --- Territory taken by force.
    (
        CAPTURE,
        0.9,
        words(
            r"captur(?:ed|es|e|ing)",
            r"seiz(?:ed|es|e|ing)",
            r"overr(?:an|un|unning)",
            r"conquer(?:ed|s|ing)?",
            r"conquest",
            r"took (?:over|control|back)",
            r"taken (?:over|control)",
            r"take control",
            r"gained control",
            r"(?:seized|established|taken|took|take|gain(?:ed)?) (?:full )?control",
            r"now control\w*",
            r"(?:are|is|remain) in control of",
            r"took hold of",
            r"(?:have |has |had )?(?:taken|took) (?:the |a )?(?:\w+ ){0,2}(?:town|city|"
            r"village|district|area|region|province|base|airport|port|hill|stronghold|"
            r"border crossing|oil ?field)s?",
            r"hoisted (?:their |its |the )?(?:\w+ )?flag",
            r"raised (?:their |its )?(?:\w+ )?flag over",
            r"gained ground",
            r"entered (?=(?:the )?(?:[A-Z]|town|city|village|district))",
            r"fell to",
            r"fall of",
            r"stormed and took",
            r"advanced (?:in|into|on)",
            r"overtook",
            r"occupied",
        ),
    ),
    # Headline present tense ("rebels take over the town", "army expands its control").
    (
        ARMED_CAPTURE,
        0.88,
        words(
            r"takes? over",
            r"takes? (?:full )?control",
            r"takes? (?:the |a )?(?:\w+ ){0,2}(?:towns?|city|villages?|district|areas?|region|province|base|airport|"
            r"hill|stronghold|pocket|border crossing|oil ?field)",
            r"expand(?:s|ed|ing)? (?:their|its) control",
            r"takeover",
        ),
    ),
    (
        RECAPTURE,
        0.92,
        r"\b(?:recaptur\w*|retak(?:e|en|es|ing)|retook|took back|taken back|dislodg\w*|"
        r"ousted|regain\w*|reclaim\w*|liberat(?:ed|"
        r"es|e|ing|ion)|freed|drove (?:back |out )?\w*"
        + _W
        + r"\bfrom|driven out|pushed (?:back|out)|flushed out|(?:pushed|drove|forced|chased) (?:\w+ ){1,4}out of|"
        r"wrest(?:ed)? control|wrest(?:s|ed)? back|back under (?:government |state |army )?control|"
        r"cleared (?:the )?(?:town|"
        r"city|village|area|district)|(?:cleared|evicted|routed) (?:\w+ ){1,4}(?:from|out of)"
        r"|expell(?:ed|ing) (?:the )?(?:\w+ )?(?:militants|rebels|armed groups?|fighters|"
        r"insurgents|jihadists|terrorists)"
        r"|restored (?:state |government )?(?:authority|control)|resum(?:ed|es|ing) (?:full )?control"
        r"|recover(?:ed|s|ing)? (?:control of|the (?:\w+ )?(?:towns?|city|villages?|districts?|areas?|regions?|"
        r"territor\w+|positions)))\b",
    ),
    # --- Territory changing hands without a fight.
    (
        WITHDRAWAL,
        0.91,
        words(
            r"withdr(?:ew|awn|aw|awing|awal)",
            r"pull(?:ed|s|ing)? out",
            r"pulled back",
            r"hand(?:ed|s)? (?:\w+ ){0,3}over",
            r"hand(?:ed|s|ing)? (?:over )?control",
            r"handover",
            r"ced(?:ed|e)",
            r"vacat(?:ed|es|ing)",
            r"evacuated (?:the |their |its )?(?:\w+ )?(?:towns?|city|villages?|district|area|positions?|posts?|"
            r"bases?|camps?|checkpoints?)",
        ),
    ),
    (WITHDRAWAL, 0.75, r"\bretreat(?:ed|s|ing)?\b"),
    (
        WITHDRAWAL,
        0.85,
        r"\babandon(?:ed|s|ing)? (?:the |their |its )?(?:\w+ )?(?:towns?|city|villages?|district|area|"
        r"positions?|posts?|bases?|camps?|strongholds?|(?-i:[A-Z])\w+)\b",
    ),
    # --- Demonstrations: any public protest (modifiers below decide what kind).
    (
        PROTEST,
        0.75,
        words(
            r"tear ?gas",
            r"water cannons?",
            r"rubber bullets",
            r"pepper spray",
            r"dispers\w+ (?:the )?(?:crowds?|gatherings?|anti-\w+)",
            r"(?:dispers\w+|broke up|break up|blocked|stopped|halted) (?:an? |the )?(?:\w+ ){0,3}(?:(?-i:march(?:es)?)|"
            r"gatherings?|sit-ins?|vigils?|processions?)",
        ),
    ),
    (
        PROTEST,
        0.7,
        words(
            r"marched (?:through|along|to|on|in)",
            r"demand(?:ing|ed)? (?:the )?(?:resignation|release|justice|reforms?|an end)",
            r"placards",
            r"banners",
            r"slogans",
        ),
    ),
    (
        PROTEST,
        0.8,
        words(
            # not a noun used as a modifier ("protest organisers said they would rally again")
            r"protest(?:s|ed|ers?|ing)?"
            r"(?! (?:organi[sz]ers?|leaders?|movements?|groups?|songs?|votes?|letters?|notes?))",
            r"demonstrat(?:ion|ions|ors?|ed|ing)",
            r"rall(?:y|ies|ied)",
            r"marchers",
            r"(?:protest|peaceful) march(?:es)?",
            r"march(?:es|ed)? (?:against|to protest|in protest)",
            r"sit-ins?",
            r"(?:joined|held|staged|organi[sz]ed|led) (?:a |the )?(?:\w+ )?march(?:es)?",
            r"in solidarity with",
            r"took to the streets",
            r"take to the streets",
            r"picket\w*",
            r"strikers",
            r"on strike",
            r"(?:indefinite|nationwide|national|sit-down|warning|labou?r|teachers'?|doctors'?|workers'?|transport|"
            r"one-day|two-day|three-day|week-long) strikes?",
            r"strike action",
            r"downed tools",
            r"walked off the job",
            r"general strike",
            r"hunger strike",
            r"walk-?out",
            r"vigils?",
            r"die-in",
            r"boycott\w*",
            r"chanting",
            r"chanted",
            # a crowd in front of an authority's building
            r"gathered (?:peacefully )?(?:outside|in front of) (?:the )?(?:[\w'’-]+ ){0,3}(?:offices?|headquarters|"
            r"ministry|parliament|embassy|consulate|court(?:house)?|governorate|palace|(?:city|town) hall|assembly)",
        ),
    ),
    # --- Riots and mobs: violent crowds without organised arms.
    (
        "Violent demonstration",
        0.86,
        words(
            r"riot(?:s|ed|ing|ers)?(?! (?:police|gear|squads?|control|units?|officers|troops))",
            r"molotov",
            r"petrol bombs?",
            r"pelted",
            r"stone[- ]pelting",
            r"threw (?:stones|rocks|bricks|bottles)",
            r"hurled (?:stones|rocks|bricks)",
        ),
    ),
    ("Mob violence", 0.95, words(r"lynch\w*", r"mob justice", r"jungle justice", r"mob (?:attack|violence|killing)s?")),
    # Unarmed locals who kill or maim a suspect themselves ("villagers set upon two suspected thieves and beat them
    # to death"): crowd justice, whatever the crowd is called.
    (
        "Mob violence",
        0.9,
        words(r"villagers", r"residents", r"locals", r"youths", r"passers-by", r"neighbou?rs", r"community members")
        + _W
        + r"\b(?:set upon|beat (?:\w+ ){0,3}to death|lynch\w*|ston(?:ed|ing) (?:\w+ ){0,3}to death|"
        r"burn(?:ed|t) (?:\w+ ){0,3}alive)",
    ),
    (
        "Mob violence",
        0.9,
        words(
            r"mobs?",
            r"crowds?",
            r"vigilantes",
            r"angry (?:crowds?|residents|villagers|youths?)",
            r"irate (?:crowds?|residents|villagers|youths?)",
        )
        + _W
        + r"\b(?:kill\w*|beat(?:en)?|lynch\w*|attack\w*|set (?:ablaze|on fire|fire to)|"
        r"burn\w*|ston\w*|hack\w*|murder\w*|torch\w*|vandali[sz]\w*|ransack\w*|loot\w*|smash\w*|destroy\w*|"
        r"assault\w*|lynch\w*|set upon|stormed)",
    ),
    (
        "Mob violence",
        0.9,
        r"\b(?:killed|murdered|hacked to death|beaten(?: up| to death)?|attacked|lynched|burnt|burned|stoned|"
        r"assaulted)(?: alive| to death)? by (?:a |an )?(?:angry |irate )?(?:mob|crowd|vigilantes)\b",
    ),
    # Crowds fighting with crude weapons, or rival supporters brawling: unorganised violence, not an armed clash.
    (
        "Mob violence",
        0.9,
        r"\b(?:fought|clashed|fighting|clashes|attacked each other|fight)\b(?: each other| one another)? "
        r"(?:with|using) (?:\w+ )?(?:sticks|stones|clubs|cudgels|bricks|rocks|bottles|iron rods|planks)\b"
        r"|\b(?:supporters|members|youths) of (?:two |the )?(?:rival|opposing)\b"
        + _W
        + r"\b(?:clash\w*|fought|fight\w*|"
        r"attack\w*|beat\w*|brawl\w*)",
    ),
    # --- Agreements: ceasefires, peace deals, prisoner exchanges and releases, surrenders.
    (
        "Agreement",
        0.93,
        words(
            r"cease-?fire",
            r"truce",
            r"peace (?:deal|agreement|accord|pact|treaty)",
            r"armistice",
            r"signed (?:an? |the )?(?:\w+ )?(?:peace|ceasefire|cease-fire|truce|power-sharing|security|"
            r"reconciliation|disarmament|withdrawal|normali[sz]ation|prisoner) (?:deal|agreement|accord|pact)",
            r"agreed (?:to|on) (?:a |an |the )?(?:\w+ )?(?:ceasefire|cease-fire|truce|peace|halt|end|exchange|swap|"
            r"pause|deal|accord|de-escalation|settlement)",
            r"(?:swapped|exchanged|traded) (?:\w+ ){0,4}(?:prisoners|captives|detainees|hostages|bodies|pows)",
            r"(?:prisoner|captive|detainee)s? (?:swaps?|exchanges?)",
            r"(?:swap|exchange) of (?:\w+ )?(?:prisoners|captives|detainees|bodies)",
            r"in a (?:prisoner |captive )?swap",
            r"exchanged (?:\w+ )?(?:prisoners|captives|detainees|bodies)",
            r"prisoner (?:swap|exchange|release)s?",
            r"swap of",
            r"surrender(?:ed|s)?",
            r"laid down (?:their )?arms",
            r"reconciliation deal",
            r"(?:settlement|reconciliation|peace|security) agreements?",
            r"(?:agreement|deal|accord) (?:was |has been )?reached",
            r"reached (?:an? |the )?(?:\w+ )?(?:agreement|deal|accord)",
            r"brokered (?:an? |the )?(?:\w+ )?(?:truce|deal|agreement|accord)",
            r"(?:humanitarian )?(?:pause|lull|halt) in (?:the )?fighting",
            r"evacuation deal",
            r"evacuat\w+ [^.;:!?]{0,60}?(?:under|as part of|in line with) (?:a|an|the) (?:\w+ )?(?:deal|agreement)",
        ),
    ),
    # Something done under a deal: the deal is the event unless a handover or withdrawal is (that is the transfer).
    (
        "Agreement",
        0.85,
        words(
            r"under (?:a|an|the) (?:\w+ )?(?:deal|agreement|accord)",
            r"as part of (?:a|an|the) (?:\w+ )?(?:deal|agreement|accord|truce|ceasefire)",
        ),
    ),
    # Talks are weaker than a deal: they may be all a text reports, or background to a fight.
    ("Agreement", 0.7, r"\b(?:peace (?:talks|process|negotiations)|negotiations|mediation)\b"),
    ("Agreement", 0.8, r"\b(?:freed|released) (?:\w+ ){0,3}(?:captives|prisoners|detainees)\b"),
    (
        "Agreement",
        0.8,
        r"\brelease (?:of )?(?:all )?(?:\d[\d,]* )?(?:\w+ )?prisoners\b|\bhostages? (?:were |"
        r"was )?(?:released|freed)\b",
    ),
    # --- Arrests and detentions (dropped for ordinary crime).
    (
        ARREST,
        0.86,
        words(
            r"arrest(?:ed|s|ing)?",
            r"detain(?:ed|s|ing|ee)?",
            r"detention",
            r"jailed",
            r"apprehended",
            r"rounded up",
            r"taken into custody",
            r"in custody",
            r"house arrest",
            r"nabbed",
            r"held incommunicado",
            r"intercepted \d+ suspected",
        ),
    ),
    # --- Changes to group or activity: defections, formations, redeployments, reinforcements.
    (
        "Change to group/activity",
        0.88,
        words(
            r"defect(?:ed|s|ion|ions|ing)",
            r"redeploy\w*",
            r"reinforc\w*",
            r"deploy(?:ed|s|ment|ing)",
            r"dispatched",
            r"(?:sending|sent|send|sends) (?:an? )?(?:extra |additional |more )?(?:\d[\d,]* )?(?:troops|soldiers|"
            r"reinforcements|fighters|police|units)",
            r"sent (?:\w+ )?(?:troops|reinforcements|fighters)",
            r"(?:general|partial|military) mobili[sz]ation",
            r"mobili[sz](?:ed|es|ing|ation of) (?:\w+ ){0,3}(?:troops|forces|fighters|reservists|soldiers|militias?|"
            r"units|reserves|army)",
            r"fortif\w*",
            r"merg(?:e|es|ed|er|ing)",
            r"(?:joining|joined|join|joins) (?:the )?(?:\w+ ){0,3}(?:army|forces|rebels|militias?|alliance|coalition|"
            r"movement|insurgency|jihadists|ranks)",
            r"newly (?:formed|created|established)",
            r"formed a",
            r"(?:announced|declared) (?:a |an |the |its |their )?(?:\w+ )?"
            r"(?:formation|creation|dissolution|merger|split)",
            r"split (?:into|from)",
            r"splinter (?:group|faction)s?",
            r"breakaway (?:group|faction)",
            r"new armed group",
            r"was formed",
            r"has been formed",
            r"set up a (?:new )?(?:militia|brigade|unit|group|force)",
            r"(?:militia|brigade|group|unit|force|organi[sz]ation",
        )
        + _W
        + r"\b(?:set up|formed|created|established|launched)|disband\w*|"
        r"dissolv(?:e|es|ed|ing) (?:the |its |their |a )?(?:\w+ ){0,2}(?:militias?|groups?|brigades?|units?|forces|"
        r"movements?|alliances?|coalitions?|wings?|battalions?|factions?|parties|party)|"
        r"disarm\w*|recruit\w*|pledged allegiance|"
        r"joined forces|switched sides|forwarded|(?:take|takes|taking|taken|took) up arms)\b",
    ),
    # An armed group stops or suspends a kind of its activity ("suspended all attacks", "halted operations").
    (
        ARMED_CHANGE,
        0.85,
        words(
            r"(?:stop(?:s|ped)?|suspend(?:s|ed)?|halt(?:s|ed)?|ceas(?:es|ed)|end(?:s|ed)?) (?:all |its |their |the )?"
            r"(?:\w+ )?(?:attacks|operations|hostilities|kidnappings|abductions|offensives?|armed struggle|"
            r"military activit(?:y|ies))",
        ),
    ),
    # A new leader: a change in an armed group, not in a party or a company (needs an armed actor named).
    (
        ARMED_CHANGE,
        0.85,
        words(
            r"(?:named|appointed|elected|chose|picked|announced|appointment of) (?:a |an |its |their |the )?new "
            r"(?:\w+ )?(?:leader|chief|commander|emir|head)",
        ),
    ),
    # --- Disrupted weapons use: weapons found, seized, defused or intercepted before use.
    (
        "Disrupted weapons use",
        0.97,
        words(
            r"found",
            r"discovered",
            r"seized",
            r"recovered",
            r"defused",
            r"defusing",
            r"dismantled",
            r"confiscated",
            r"impounded",
            r"uncovered",
            r"unearthed",
            r"intercepted",
            r"shot down",
            r"cleared",
            r"identified",
            r"destroyed",
            r"neutrali[sz]ed",
            r"busted",
            r"seizure of",
        )
        + _W
        + words(
            r"weapons?",
            r"arms",
            r"ammunition",
            r"ammo",
            r"explosives?",
            r"explosive devices?",
            r"bombs?",
            r"ieds?",
            r"vbieds?",
            r"(?:land)?mines",
            r"grenades?",
            r"rockets?",
            r"missiles?",
            r"drones?",
            r"rounds",
            r"pistols?",
            r"rifles?",
            r"guns",
            r"firearms",
            r"munitions",
            r"mortars",
            r"detonators",
            r"caches?",
            r"packages",
            r"tnt",
        ),
    ),
    (
        "Disrupted weapons use",
        0.97,
        words(
            r"weapons?",
            r"arms",
            r"ammunition",
            r"ammo",
            r"explosives?",
            r"explosive devices?",
            r"bombs?",
            r"ieds?",
            r"(?:land)?mines",
            r"grenades?",
            r"rockets?",
            r"missiles?",
            r"drones?",
            r"pistols?",
            r"rifles?",
            r"guns",
            r"firearms",
            r"munitions",
            r"caches?",
            r"packages",
        )
        + _W
        + r"\b(?:were|was|have been|has been|being)\b"
        + _W
        + words(
            r"found",
            r"discovered",
            r"seized",
            r"recovered",
            r"defused",
            r"dismantled",
            r"confiscated",
            r"intercepted",
            r"shot down",
            r"cleared",
            r"identified",
            r"detected",
            r"uncovered",
            r"unearthed",
        ),
    ),
    (
        "Disrupted weapons use",
        0.9,
        r"\b(?:weapons|arms|ammunition|explosives|bombs?|devices?|grenades?|ieds?|(?:land)?mines|rockets?|rifles|"
        r"pistols|guns|drones?|missiles?) (?:\w+ ){0,2}(?:seized|found|recovered|confiscated|discovered|defused|"
        r"dismantled|shot down|intercepted|downed)\b"
        r"|\bmade safe\b|\bcontrolled explosion\b",
    ),
    (
        "Disrupted weapons use",
        0.95,
        r"\b(?:arms|weapons?|ammunition) (?:cache|haul|seizure)s?\b|\bbomb disposal\b|"
        r"\bdefus\w+|\bintercept(?:ed|s|ion)\b" + _W + r"\b(?:missiles?|rockets?|drones?)\b",
    ),
    # An explosive attack prevented, or a bomb that went off early in the hands of those planting it.
    (
        "Disrupted weapons use",
        0.97,
        r"\b(?:foil(?:ed|s|ing)?|thwart(?:ed|s|ing)?|avert(?:ed|s|ing)?|prevent(?:ed|s|ing)?)\b" + _W + r"\b(?:bomb\w*|"
        r"explosives?|explosive devices?|ieds?|vbieds?|(?:terror|suicide) (?:attacks?|plots?))\b"
        r"|\b(?:exploded|detonated|went off|blew up)\b" + _W + r"\b(?:prematurely|accidentally)\b"
        r"|\bwhile (?:planting|assembling|making|handling|transporting|fixing|laying)\b" + _W + r"\b(?:bombs?|"
        r"explosives?|explosive devices?|ieds?|(?:land)?mines)\b",
    ),
    # --- Bases, headquarters and posts set up.
    (
        "Headquarters or base established",
        0.95,
        words(
            r"set up",
            r"sets up",
            r"setting up",
            r"established",
            r"establish(?:es|ing)?",
            r"built",
            r"building",
            r"opened (?:a |an |its |their )?(?:new )?(?=(?:\w+ )?(?:base|headquarters|office|post|outpost|point))",
            r"erected",
            r"constructed",
            r"install(?:ed|s|ing)",
            r"(?:turned|converted|transformed) (?:\w+ ){0,4}into",
        )
        + _W
        + words(
            r"bases?",
            r"headquarters",
            r"hq",
            r"(?:observation |military )?posts?",
            r"outposts?",
            r"checkpoints?",
            r"camps?",
            r"positions?",
            r"(?:military|observation) points?",
            r"barracks",
        ),
    ),
    # The base named first, as headlines do ("new police outpost opened in Teknaf").
    (
        "Headquarters or base established",
        0.93,
        r"\b(?:new )?(?:military |army |police |observation |forward |operating )?(?:bases?|outposts?|headquarters|"
        r"military points?|observation posts?|barracks)(?: \w+){0,2} (?:(?:was|were|has been|have been|is|are) )?"
        r"(?:opened|set up|established|built|installed|erected)\b",
    ),
    # --- Property blown up: destruction, or a remote explosive when people were hurt (detect.py decides).
    (
        BLAST_PROPERTY,
        0.86,
        r"\b(?:blew|blown|blowing|blow) up (?:\w+ ){0,4}?"
        + PROPERTY_NOUNS
        + r"\b|\bdynamit\w+ (?:\w+ ){0,4}?"
        + PROPERTY_NOUNS
        + r"\b|\b"
        + PROPERTY_NOUNS
        + r" (?:was|were|has been|have been|had been) (?:\w+ )?(?:blown up|dynamited)\b",
    ),
    # --- Looting and property destruction (outside demonstrations).
    (
        "Looting/property destruction",
        0.88,
        words(
            r"loot(?:ed|ing|ers)?",
            r"plunder\w*",
            r"pillag\w*",
            r"vandali[sz]\w*",
            r"ransack\w*",
            r"torch(?:ed|ing)",
            r"set (?:ablaze|on fire|fire to)",
            r"burn(?:ed|t) (?:down )?(?:\w+ ){0,3}(?:houses?|homes?|huts?|shops?|stores?|vehicles?|cars?|trucks?|"
            r"property|properties|buildings?|offices?|church(?:es)?|mosques?|schools?|markets?|clinics?|"
            r"hospitals?|health cent(?:re|er)s?|granar(?:y|ies)|crops|villages?)",
            r"burn(?:ed|t) down",
            r"(?:houses|homes|shops|stores|vehicles|cars|property|properties|buildings|"
            r"offices|churches|mosques|schools) (?:were |have been |was )?(?:\w+ )?(?:burned|"
            r"burnt|torched|destroyed|razed|set on fire)",
            r"destruction of (?:\w+ )?propert\w*",
            r"attacks on propert\w*",
            r"razed",
            r"demolish\w*",
            r"arson",
        ),
    ),
    # Property destroyed by an armed group, told in the passive ("a phone mast was destroyed by separatist fighters").
    (
        "Looting/property destruction",
        0.86,
        r"\b(?:was|were|has been|have been|had been) (?:\w+ )?(?:destroyed|burn(?:ed|t)(?: down)?|torched|set ablaze|"
        r"vandali[sz]ed|demolished|razed|blown up) by (?:\w+ ){0,3}(?:fighters|militants|rebels|gunmen|insurgents|"
        r"separatists|militiam[ae]n|militias?|soldiers|troops|armed men|attackers|assailants|jihadists|bandits)\b",
    ),
    # Goods taken or livestock rustled: looting by an armed group, ordinary theft otherwise.
    (
        ARMED_LOOTING,
        0.86,
        words(
            r"(?:stole|steal|steals|carted away|made (?:away|off) with|carried off) (?:\w+ ){0,3}(?:food|aid|supplies|"
            r"livestock|cattle|cows|goats|sheep|camels|goods|property|valuables|money|cash|medicines?|equipment|"
            r"grain|harvests?|fuel|vehicles?)",
            r"rustl(?:ed|ing) (?:\w+ ){0,3}(?:cattle|livestock|cows|goats|sheep|camels)",
            r"cattle rustl(?:ing|ed)",
        ),
    ),
    # --- Other: displacement and other significant developments with no better type.
    (
        "Other",
        0.5,
        r"\b(?:fled|fleeing|displaced|displacement|exodus|"
        r"missile (?:test|launch)|launch(?:ed)? (?:a|its) (?:\w+ )?(?:satellite|missile))\b",
    ),
    # Emergency rule and curfews (unless a disaster prompted them), mass graves, internet shutdowns: significant
    # developments in their own right. Emergency rule often follows violence, which is then the main event: weaker
    # than a clash or an attack.
    (
        EMERGENCY,
        0.76,
        words(
            r"(?:declared|declares|imposed|imposes|extended|extends) (?:a |an )?(?:[\w-]+ ){0,3}(?:state of emergency|"
            r"curfew|martial law)",
            r"state of emergency (?:was |has been )?(?:declared|imposed)",
            r"curfew (?:was |has been )?imposed",
        ),
    ),
    (
        "Other",
        0.9,
        words(
            r"(?:mass|clandestine|unmarked|common) graves?",
            r"(?:shut down|suspended|cut(?: off)?|blocked) (?:\w+ ){0,2}internet",
            r"internet (?:shutdowns?|blackouts?)",
        ),
    ),
    # Prison breaks and seizures of power: developments of note, above the changes they bring (guards leaving their
    # posts, institutions dissolved) but under a riot or a named weapon told with them; a bloodless coup names no
    # violence at all.
    ("Other", 0.9, words(r"bloodless coups?", r"coups? without (?:a shot|bloodshed|violence)")),
    (
        "Other",
        0.85,
        words(
            r"(?:prison|jail) ?breaks?",
            r"(?:inmates|prisoners|detainees) (?:\w+ )?(?:escaped|broke out|fled)",
            r"(?:staged|carried out|launched|mounted) (?:a |an )?(?:\w+ )?coup",
        ),
    ),
)

# --- Protest modifiers: only read when a protest is going on in the sentence (or the one before it).
PROTEST_MODIFIER_CUES: tuple[tuple[str, float, str], ...] = (
    # Demonstrators themselves turn violent.
    (
        "Violent demonstration",
        0.93,
        words(
            r"clash\w*",
            r"threw",
            r"hurl(?:ed|ing)",
            r"pelt(?:ed|ing)",
            r"stones?",
            r"rocks",
            r"molotov",
            r"petrol bombs?",
            r"firebomb\w*",
            r"fireworks",
            r"firecrackers",
            r"torch(?:ed|ing)",
            r"set (?:fire|ablaze|on fire)",
            r"burn(?:ed|t|ing)",
            r"looted",
            r"looting",
            r"ransack\w*",
            r"plunder\w*",
            r"set (?:\w+ ){1,3}(?:ablaze|on fire)",
            r"vandali[sz]\w*",
            r"smash\w*",
            r"rampag\w*",
            r"fought",
            r"running battles",
            r"scuffl\w*",
            r"riot\w*(?! (?:police|gear|squads?|control|units?|officers|troops))",
            r"violent(?:ly)? (?:protests?|demonstrations?|clashes)",
            r"turn(?:ed|s)? (?:\w+ )?violent",
            r"descended into (?:\w+ )?violence",
            r"outbreaks? of violence",
            r"broke into",
            r"stormed",
            r"breach\w*",
            r"barricades?",
            r"blocked (?:roads?|highways?|streets?|railways?|the road)",
            r"shut down roads",
            r"road ?blocks?",
            r"attack(?:ed|ing)? (?:police|security|officers|the police)",
        ),
    ),
    # Lethal or serious force used against demonstrators.
    (
        "Excessive force against protesters",
        0.95,
        words(
            r"live (?:rounds|ammunition|fire|bullets)",
            r"opened fire",
            r"fired on",
            r"shot (?:dead|at)",
            r"killed",
            r"killing",
            r"deaths?",
            r"dead",
            r"died",
            r"crackdown",
            r"excessive force",
            r"violently (?:dispersed|suppress\w*|broke up)",
            r"brutal\w*",
            r"beat(?:en|ing)?",
            r"injur\w*",
            r"wounded",
        ),
    ),
    # Non-lethal intervention: dispersal, arrests, tear gas.
    (
        "Protest with intervention",
        0.92,
        words(
            r"detain\w*",
            r"arrest\w*",
            r"dispers\w*(?! peacefully| without (?:incident|violence))",
            r"tear ?gas",
            r"water cannons?",
            r"pepper spray",
            r"rubber bullets",
            r"batons?",
            r"broke up",
            r"suppress\w*",
            r"kettl\w*",
            r"cordon\w*",
        ),
    ),
)

# --- Words that introduce what a protest is about ("a march against police brutality", "to demand the release of
# abducted students", "a week after a massacre"): violence named after one of them, in the same clause, is the
# protest's topic or cause, not something that happened at it.
PROTEST_TOPIC_MARKERS = (
    r"\b(?:against|over(?! \d)|denounc\w*|condemn\w*|mourn\w*|demand\w*|call(?:s|ed|ing)? for|release of|"
    r"return of|end to|about(?! \d)|in memory of|justice for|victims of|in protest (?:at|of)|"
    r"carr(?:y|ies|ied|ying) (?:\w+ )?(?:photo\w*|pictures|portraits|images)|"
    r"(?:following|after|since|in the wake of) (?:the |a |an |last \w+'s |recent )?(?:\w+ )?(?:arrests?|detentions?|"
    r"killings?|deaths?|murders?|massacres?|attacks?|abductions?|kidnappings?|shootings?|bombings?|raids?|"
    r"assassinations?|disappearances?|rapes?|coup|crackdown|violence)|"
    r"(?:hours?|days?|weeks?|months?|years?) (?:after|since)|"
    r"(?:placards?|banners?|signs?|boards?|posters?|t-shirts?)(?: \w+){0,2} (?:read|reading|saying|said|bearing))\b"
)
# --- What ends the clause a topic marker opens: punctuation, or a new actor taking over ("... as police fired tear
# gas", "... and troops opened fire").
PROTEST_TOPIC_END = (
    r"[.,;!?]|\b(?:and|but|as|while|when|until|before|then) (?:then |later )?(?:the )?(?:riot )?(?:police|security|"
    r"troops|soldiers|officers|forces|authorities|demonstrators|protesters|they)\b|\bwhen\b"
)

# --- Ordinary crime: an arrest whose charge is one of these is not coded (ACLED codes political arrests only).
ORDINARY_CRIME = (
    r"\b(?:theft|thie(?:f|ves)|steal\w*|stole|argument|quarrel\w*|brawl|rustl\w*|"
    r"(?:murder\w*|kill\w*|shot|shoot\w*|stabb\w*|strangl\w*|beat\w*|hack\w*)(?: dead| to death)? (?:his|her|their) "
    r"(?:own )?(?:(?:ex-)?wife|(?:ex-)?husband|girlfriend|boyfriend|partner|neighbou?rs?|brother|sister|"
    r"(?:step)?(?:father|mother)|son|daughter|uncle|aunt|cousin|in-laws?|landlord|tenant|employer|colleague|friend)|"
    r"hold-?ups?|domestic|burglar\w*|robber\w*|robbing|drugs?|narcotics?|fraud\w*|counterfeit|"
    r"smuggl\w*|"
    r"money laundering|corruption|brib\w*|pornograph\w*|trafficking|shoplift\w*|poaching|speeding|drunk|"
    r"cheat\w*|forgery|stolen|illegal immigra\w*|migrants|embezzl\w*|scam\w*|hacking|fake currency)\b"
)
# --- Deaths outside armed conflict: a casualty-only report with one of these around is not coded.
NON_CONFLICT_DEATHS = (
    r"\b(?:gang (?:disputes?|feuds?|rivalr\w*)|family (?:disputes?|feuds?)|land disputes? between (?:families|"
    r"neighbours)|personal (?:disputes?|dispute)|heart attack|illness|disease|overdose|drown\w*|heat ?wave|"
    r"covid\w*|coronavirus|pandemic|epidemic|cholera|ebola|measles|malaria|"
    r"road accident|traffic accident|stampede|hospital fire|natural causes)\b"
)
# --- Political markers: an arrest with one of these is coded even when a crime is named too.
POLITICAL_MARKERS = (
    r"\b(?:activists?|protesters?|demonstrators?|opposition|journalists?|dissidents?|militants?|terrorists?|"
    r"insurgents?|rebels?|jihadists?|extremists?|separatists?|party (?:members|leaders|supporters)|politicians?|"
    r"leaders|lawmakers|mps|members of parliament|sabotage|subversi\w*|terror\w*|blasphem\w*|insult\w*|sedition|"
    r"treason|plot\w*|coup|unrest|rally|protests?|curfew|lockdown|gathering|raids?|"
    r"occupation forces|suspected members)\b"
)

# --- Accidents and disasters: explosions with these around are not attacks.
ACCIDENT_CONTEXT = (
    r"\b(?:gas (?:explosion|leak|cylinder|tank|container)|boiler|furnace|factory|(?:chemical|industrial|power) plant|"
    r"plant exploded|ammonium nitrate|warehouse|accident\w*|short circuit|mine (?:collapse|accident)|coal mine|"
    r"capsiz\w*|sank|overturn\w*|(?:building|bridge|mine|wall|roof) collaps\w*|collapsed|electrocut\w*|lightning|"
    r"earthquake|flood\w*|landslides?|fireworks factory|tanker|pipeline|gas station|"
    r"cooking gas|plunged|crash\w*|collision|collided|derail\w*|industrial|stored|"
    r""
    r"nuclear test|hydrogen bomb|test of)\b"
)

# --- Harm to people: property destruction told after an act of violence that also did this is part of that act.
HARM_WORDS = r"\b(?:kill\w*|dead|deaths?|wound\w*|injur\w*|shot|massacr\w*|hack(?:ed|ing)|behead\w*|rap(?:ed|ing))\b"

# --- Disasters and epidemics: emergency rule or a curfew in a text about one of these is not a conflict event.
DISASTER_CONTEXT = (
    r"\b(?:fires? (?:are |were )?(?:burning|raging)|wild ?fires?|bush ?fires?|forest fires?|earthquakes?|floods?|"
    r"flooding|landslides?|hurricanes?|cyclones?|typhoons?|storms?|drought|heat ?waves?|epidemic|pandemic|outbreak|"
    r"covid|coronavirus|cholera|ebola|volcan\w*|tsunami)\b"
)

# --- Non-events: sentences that talk about diplomacy, sanctions or reactions rather than report an event.
NON_EVENT_CONTEXT = (
    r"\b(?:expel(?:s|led|ling)? (?:\w+ )?(?:diplomats?|ambassadors?)|sanctions?|condemn\w*|criticiz\w*|criticis\w*|"
    r"summons?ed|covid|coronavirus|vaccin\w*|box office|stock market|election results?|accusations?|"
    r"torrential|earthquakes?|floods?|flooding|wildfires?|hurricanes?|cyclones?|typhoons?|heavy rains?|drought|"
    r"trade|economic|investment|tariffs?|budget|procurement|purchas\w*|arms deal|"
    r"cup final|match|tournament|championship|league|goals?|scored|innings|wickets?|coach|striker|box office)\b"
)

# --- Targets: armed ones make an attack a battle; unarmed ones make it violence against civilians.
ARMED_TARGETS = (
    r"\b(?:soldiers?|troops?|army|military|security (?:forces|personnel|posts?)|police(?:men)? (?:posts?|stations?|"
    r"base|checkpoints?|patrols?)|policem[ae]n|police officers|checkpoints?|bases?|barracks|outposts?|posts?|"
    r"convoys?|positions|patrols?|garrisons?|militia(?:men)?|fighters|militants?|rebels?|insurgents?|terrorists?|"
    r"forces|peacekeepers|camp|headquarters|amisom|gendarmes?|guards|jihadists?|bunkers?|frontlines?)\b"
)
CIVILIAN_TARGETS = (
    r"\b(?:civilians?|villagers?|residents?|farmers?|worshippers?|passengers?|students?|children|women|"
    r"shoppers?|community|communities|villages?|markets?|mosques?|churches?|schools?|homes?|houses?|"
    r"journalists?|teachers?|aid workers?|traders?|herders?|people|persons|family|families|tourists?|"
    r"pilgrims?|wedding|funeral|bus|refugees?|displaced|displacement|idps?|citizens?|youths?|boys?|girls?|"
    r"health workers?|medics?|doctors?|nurses?|officials?|minibus(?:es)?|taxis?|cars?)\b"
)

# --- Capturers: words that mark the side taking territory when the actor dictionary says nothing.
STATE_CAPTURER = (
    r"\b(?:army|armies|troops|soldiers|military|government(?:-led)? forces|pro-government forces|regime forces|"
    r"security forces|armed forces|national army|police|gendarmes?|marines|state forces|federal forces|"
    r"(?:iraqi|syrian|afghan|nigerian|somali|malian|yemeni|libyan|ukrainian|russian|turkish|ethiopian|"
    r"kenyan|chadian|cameroonian|pakistani|indian|israeli|azerbaijani|armenian|sudanese|congolese|"
    r"burkinabe|nigerien|philippine|american|u\.s\.|french|british|iranian|saudi|emirati|egyptian|ugandan|"
    r"rwandan|burundian|eritrean|government|national|federal|coalition|allied|loyalist) (?:\w+ )?(?:forces|"
    r"troops|army|units|soldiers)|army units|special forces|elite forces|fardc|sana)\b"
)
NONSTATE_CAPTURER = (
    r"\b(?:rebels?|militants?|insurgents?|jihadists?|terrorists?|fighters|militias?|militiam[ae]n|guerrillas?|factions|"
    r"gunmen|opposition (?:forces|fighters|groups?|factions?|militias?|rebels)|"
    r"separatists?|extremists?|islamists?|bandits|mujahid\w*|kurds|kurdish|peshmerga|"
    r""
    r"ypg|sdf|syrian democratic forces|islamic state|isis|isil|daesh|al-?shabaa?b|shabaab|taliban|"
    r"boko haram|iswap|houthis?|ansar allah|al-?qaeda|aqap|jnim|hts|nusra|hayat tahrir al-sham|hezbollah|"
    r"hamas|farc|eln|npa|m23|adf|cpc|wagner|haftar|lna|tigray\w*|tplf|fano|ola|"
    r"(?:turkish-backed|turkey-backed|iran-backed|russian-backed|foreign-backed) (?:\w+ )?(?:forces|fighters|"
    r"groups?|militias?|factions?))\b"
)
# Acronyms that are also English words in lower case: matched case-sensitively.
NONSTATE_CAPTURER_CASED = r"\b(?:IS|ISIS|ISIL|SDF|YPG|HTS|PKK|ADF|CPC|NPA|OLA)\b"

# --- Withdrawal from a base or post is a change of activity, not a transfer of territory.
BASE_WORDS = words(
    r"bases?",
    r"headquarters",
    r"garrisons?",
    r"posts?",
    r"outposts?",
    r"airfields?",
    r"airbases?",
    r"observation points?",
    r"barracks",
    r"camps?",
    r"positions",
)
TERRITORY_WORDS = (
    r"\b(?:towns?|city|cities|villages?|districts?|areas?|regions?|provinces?|territor\w+|neighbou?rhoods?|"
    r"municipalit\w+|zones?|countryside|county|counties|localit\w+|hamlets?|oil ?fields?|control|airports?|"
    r"strongholds?|hills?|border crossings?|crossings?|ports?|outskirts|suburbs?|settlements?|quarters?)\b"
)

# --- Words before a capture verb that make it an attempt, not a capture ("an attack to capture the positions").
CAPTURE_ATTEMPT_BEFORE = r"\bto\s*$"
# ... unless the verb before "to" says it happened ("continued to regain territory").
CAPTURE_DONE_BEFORE = r"\b(?:continu\w+|began|begun|beginning|managed|went on|succeeded|started|helped|help) to\s*$"

# --- Words just before any cue that deny or negate it ("refuse to surrender", "no clashes were reported").
NEGATION_BEFORE = (
    r"\b(?:refus(?:e|ed|es|ing) to|tried to|trying to|attempt(?:ed|ing)? to|no|"
    r"not|never|without|denied|denies|deny|won't|didn't|did not|failed to|"
    r"rul(?:ed|es) out|threaten(?:ed|s)? to|vow(?:ed|s)? to|plan(?:ned|s)? to|"
    r"could|may|might|can|cannot|will|should|any|possible|potential|future)\s+(?:\w+\s+)?$"
)
# --- Words just after a cue, in its clause, that put it in the future ("another rally next week"; not "marched on
# Monday and vowed to return next week").
FUTURE_AFTER = (
    r"(?:(?!\b(?:and|but|said|says|as|while|before|after|then)\b)[^.;:!?,]){0,30}?"
    r"\b(?:next (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"tomorrow|in the coming (?:days|weeks|months)|later this (?:week|month|year))\b"
)

# --- Words just before a protest word that show it has not happened ("ahead of the planned rally").
PROTEST_NOT_HAPPENING_BEFORE = (
    r"\b(?:ahead of|planned|upcoming|before|call(?:ed|s|ing)? for|permission for|ban(?:ned)? (?:on|all)|"
    r"authori[sz]ation for|threaten(?:ed|s)? (?:to|with)|would|will)\s+(?:[\w'’-]+\s+){0,3}$"
)

# --- Arrest words used as adjectives ("the jailed opposition leader"): not an arrest reported here.
ARREST_ATTRIBUTIVE_BEFORE = r"\b(?:the|a|an|his|her|their|its|of)\s+$"

# --- Territory taken "unopposed" or "without a fight" changes hands without violence.
NO_FIGHT = (
    r"\b(?:unopposed|uncontested|without (?:a |any )?(?:fight(?:ing)?|resistance|"
    r"(?:firing )?a (?:single )?(?:shot|bullet|gunshot)|a shot being fired|bloodshed|a battle|"
    r"clashes|violence|a struggle)|no (?:resistance|fighting))\b"
)
# --- Another side moving in after a withdrawal ("vacated the checkpoint, and soldiers moved in"): even a post or a
# base then changes hands.
RECEIVING_SIDE = (
    r"\b(?:moved in(?:to)?|move in|stepped in|took (?:it |them )?over|taken over|took their place|replaced them|"
    r"(?:took|assumed|taken) (?:over )?control)\b"
)
# --- A withdrawal of troops (from a country, a front): a change of activity unless territory visibly changes hands.
TROOP_WITHDRAWAL = (
    r"\bwithdr\w* (?:of )?(?:its |their |the |all |remaining |(?:\d[\d,]* ))?(?:\w+ )?(?:troops|forces|soldiers|"
    r"contingents?|peacekeepers|personnel|units)\b"
)
# --- Words that open a clause about an earlier event ("... after the town was retaken"): a cue after one of them,
# behind another cue of the sentence, is background to that one.
BACKGROUND_CLAUSE = (
    r"(?<!the )\b(?:after|since|following|in the wake of)\b(?! (?:day|week|month|year|morning|night)s?\b)"
)

# --- The parse around a cue (read by structure.py).
# Prepositions whose object is what an act hit ("an attack on the base", "opened fire at the crowd").
TARGET_PREPOSITIONS = frozenset({"on", "against", "at", "upon", "targeting"})
# Objects of a firing verb that are the fire itself: the target follows a preposition ("opened fire on X").
FIRE_WORDS = frozenset({"fire", "shots", "gunfire", "rounds", "bullets"})
# Killing nouns whose "of" phrase names the victims ("the killing of a student"), unlike "an attack of the rebels".
VICTIM_OF_NOUNS = frozenset(
    {"killing", "killings", "murder", "murders", "massacre", "assassination", "execution", "executions", "shooting"}
)
# Words that open a part of a sentence about an earlier event ("retook the town after heavy fighting") or a reason
# ("arrested over last month's bombing", "detained for the attack"): a cue there is background to the cue above.
TIME_LINKS = frozenset({"after", "since", "following", "once"})
REASON_LINKS = frozenset({"over", "for", "behind"})
# Words under which a cue reports no event: plans, threats, trials, remembrance, inquiries, denials ("preparing an
# offensive", "threatened to attack", "sentenced for the 2021 attack", "the anniversary of the massacre").
NON_EVENT_GOVERNORS = frozenset(
    {
        *("plan", "plans", "planned", "planning", "prepare", "prepares", "prepared", "preparing", "preparations"),
        *("threat", "threats", "threaten", "threatens", "threatened", "threatening", "vow", "vows", "vowed"),
        *("intend", "intends", "intended", "intention", "intentions"),
        *("sentenced", "sentencing", "convicted", "conviction", "acquitted", "indicted", "trial", "verdict"),
        *("anniversary", "commemorate", "commemorates", "commemorated", "commemorating", "commemoration"),
        *("investigating", "investigation", "inquiry", "probe", "deny", "denies", "denied", "denying"),
        *("fear", "fears", "feared", "fearing", "brace", "braces", "braced", "bracing"),
    }
)
# Words under which an infinitive has not happened ("ready to attack", "poised to take the city", "wants to
# stage a protest"); a headline's bare infinitive is future too ("Army to launch offensive"). Purpose infinitives
# of an act stay real ("gathered to protest", "continued to shell").
IRREALIS_INFINITIVE_HEADS = frozenset(
    {
        *("ready", "poised", "set", "about", "likely", "expected", "going", "able", "due", "willing"),
        *("want", "wants", "wanted", "wanting", "seek", "seeks", "sought", "seeking", "aim", "aims", "aimed"),
        *("plan", "plans", "planned", "planning", "prepare", "prepares", "prepared", "preparing", "intend", "intends"),
        *("threaten", "threatens", "threatened", "vow", "vows", "vowed"),
        *("promise", "promises", "promised", "pledge", "pledges", "pledged", "call", "calls", "called", "urge"),
        *("urges", "urged", "ask", "asks", "asked", "order", "orders", "ordered", "need", "needs", "hope", "hopes"),
    }
)
# How many heads up a governing word may stand above a cue.
GOVERNOR_DEPTH = 3
# Words under which a ceasefire or deal is ended by one side: a change of that side's activity, not an agreement.
DEAL_ENDERS = frozenset(
    {
        *("end", "ends", "ended", "ending", "abandon", "abandons", "abandoned", "scrap", "scraps", "scrapped"),
        *("withdraw", "withdraws", "withdrew", "quit", "quits", "suspend", "suspends", "suspended"),
    }
)
# Words under which a ceasefire is broken by fighting: the fighting is the event, if the sentence names it.
DEAL_BREACHES = frozenset(
    {
        *("violate", "violates", "violated", "violating", "violation", "violations", "breach"),
        *("despite", "defying", "defied", "defiance", "flouting", "flouted", "broke", "broken", "breaking"),
    }
)
# --- Time words that put an act in the distant past ("five years after militants seized the town", "since 2017,
# when insurgents began attacking villages", "the 2016 truck attack"; "which it recaptured two years ago"): a cue in
# their clause is history told as background, not the event reported.
DISTANT_PAST_BEFORE = (
    r"\b(?:(?:years?|months?|decades?) (?:after|since)|since (?:(?:early|late|mid-?) ?)?(?:19|20)\d\d(?:s|,? when)?|"
    r"(?:in|during) (?:19|20)\d\d,? when)\b"
)
# ... and dated nouns ("the 2016 truck attack", "last year's fighting"): only the noun they date.
DISTANT_PAST_ATTRIBUTIVE = r"\b(?:(?:the|a|an|its|their) (?:19|20)\d\d|(?:last (?:year|decade)|(?:19|20)\d\d)['’]s)\b"
DISTANT_PAST_AFTER = r"\b(?:(?:years?|months?|decades?) (?:ago|earlier|before)|last (?:year|decade))\b"
