"""Trigger lexicons and lexical patterns for event detection: heuristics as data.

Each cue is ``(label, weight, regex)``. A label is either an ACLED sub-event type name or a *cue class* starting
with ``@`` that ``detect.py`` resolves with context (who captured, who was attacked, whether a protest is going on).
Weights are in 0..1: how sure the cue alone makes us; more specific weapons outrank generic fighting words so that
"a grenade exploded during clashes" is a grenade attack. Regexes are matched case-insensitively on one sentence.

The ``_W`` gap allows a few words between a verb and its object ("seized two MON-50 landmines").
"""

from __future__ import annotations

# A short gap of up to ~8 words that stays inside one clause.
_W = r"[^.;:!?]{0,60}?"
_NUM = r"(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|dozens? of|scores of|several|hundreds? of)"

# Cue classes resolved by detect.py.
ASSAULT = "@assault"  # an armed attack: battle if the target is armed, attack on civilians otherwise
KILLING = "@killing"  # killings, shootings: attack on civilians unless both sides are armed
CAPTURE = "@capture"  # territory taken: the capturer's kind decides government vs non-state
RECAPTURE = "@recapture"  # territory taken back: as capture, but defaults to government
WITHDRAWAL = "@withdrawal"  # forces leave a place: transfer of territory, or a change of activity for a base
ARREST = "@arrest"  # detentions: dropped when the charge is ordinary crime
EXPLOSION = "@explosion"  # bombs and blasts of unknown kind: remote explosive unless an accident
PROTEST = "@protest"  # a demonstration is going on: peaceful unless a modifier says otherwise

TRIGGER_CUES: tuple[tuple[str, float, str], ...] = (
    # --- Chemical weapons: named agents or explicit chemical attacks.
    ("Chemical weapon", 0.97, r"\b(?:chemical (?:weapons?|attacks?|agents?|munitions?)|nerve agents?|sarin|mustard gas)\b"),
    ("Chemical weapon", 0.95, r"\b(?:chlorine|poison(?:ous)? gas|toxic gas|poisonous chemicals|gas attack)\b"),
    # --- Suicide attacks: the attacker dies with the bomb.
    ("Suicide bomb", 0.98, r"\bsuicide (?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|vests?|car bomb)\b"),
    ("Suicide bomb", 0.98, r"\bblew (?:himself|herself|themselves|itself) up\b|\bblow (?:himself|herself|themselves) up\b"),
    ("Suicide bomb", 0.95, r"\bkamikazes?\b|\bself-detonat\w*|\bsuicide\w*\b" + _W + r"\bdetonat\w*"),
    # --- Air and drone strikes: aircraft, drones, sorties, barrel bombs (dropped from helicopters).
    ("Air/drone strike", 0.96, r"\b(?:air ?strikes?|air ?raids?|aerial (?:bombardments?|attacks?|strikes?|bombing))\b"),
    ("Air/drone strike", 0.95, r"\b(?:warplanes?|war ?jets?|fighter jets?|jet fighters?|bombers|gunships?|sorties)\b"),
    ("Air/drone strike", 0.94, r"\bdrone (?:strikes?|attacks?|bombings?)\b|\bdrones? (?:struck|hit|targeted|attacked)\b"),
    ("Air/drone strike", 0.93, r"\b(?:helicopters?|aircraft|planes?|jets?|f-16s?)\b" + _W + r"\b(?:bomb\w*|struck|strik\w*|pounded|fired|targeted|shelled)\b"),
    ("Air/drone strike", 0.92, r"\bbarrel bombs?\b|\bbombing raids?\b|\bair force\b" + _W + r"\b(?:attack|strike|bomb|target)\w*"),
    ("Air/drone strike", 0.9, r"\bcruise missiles?\b"),
    # --- Shelling, artillery, rockets and ground-launched missiles.
    ("Shelling/artillery/missile attack", 0.9, r"\b(?:shell(?:ing|ed|s)|mortars?(?: rounds?| shells?| fire)?|artillery|howitzers?)\b"),
    ("Shelling/artillery/missile attack", 0.88, r"\b(?:rockets?|missiles?|katyushas?|grad|projectiles?)\b" + _W + r"\b(?:fired|launched|struck|hit|landed|slammed|rained|fell|attack\w*|strikes?)\b"),
    ("Shelling/artillery/missile attack", 0.88, r"\b(?:fired|launched|lobbed)\b" + _W + r"\b(?:rockets?|missiles?|shells?|projectiles?)\b"),
    ("Shelling/artillery/missile attack", 0.86, r"\b(?:missile|rocket) (?:attacks?|strikes?|fire|barrage)\b|\btank (?:fire|shells?|attack)\b|\bbombard\w*"),
    # --- Remote explosives: IEDs, car and roadside bombs, landmines, planted bombs.
    ("Remote explosive/landmine/IED", 0.95, r"\b(?:ieds?|vbieds?|improvised (?:explosive|bomb)\w*|roadside bombs?|car bombs?|(?:land|ground|sea) ?mines?|limpet\w*|sticky bombs?|parcel bombs?|booby[- ]trap\w*)\b"),
    ("Remote explosive/landmine/IED", 0.9, r"\b(?:planted|remote(?:ly)?[- ]?(?:controlled|detonated)?)\b" + _W + r"\b(?:bombs?|explosives?|devices?)\b"),
    ("Remote explosive/landmine/IED", 0.9, r"\bmines?\b" + _W + r"\b(?:exploded|went off|blast|explosion|laid|planted)\b|\bhit (?:a|an) (?:\w+ )?mine\b"),
    (EXPLOSION, 0.85, r"\b(?:bombs?|explosive devices?|explosives?)\b" + _W + r"\b(?:explod\w*|went off|detonat\w*|ripped|blast|killed|wounded|injured)\b"),
    (EXPLOSION, 0.84, r"\b(?:detonated|bomb attacks?|bomb blasts?|bombings?|twin blasts?)\b"),
    (EXPLOSION, 0.6, r"\b(?:blasts?|explosions?)\b"),
    # --- Grenades: thrown or launched hand explosives.
    ("Grenade", 0.94, r"\bgrenades?\b"),
    # --- Sexual violence: rape and sexual assault.
    ("Sexual violence", 0.96, r"\b(?:rap(?:e|ed|es|ing|ist|ists)|gang-?rap\w*|sexual(?:ly)? (?:assault\w*|violence|abuse\w*|harass\w*|exploit\w*)|molest\w*)\b"),
    # --- Abductions and enforced disappearances.
    ("Abduction/forced disappearance", 0.93, r"\b(?:abduct\w*|kidnap\w*|taken hostage|held hostage|hostages? taking|(?:enforced|forced) disappearances?|disappeared)\b"),
    ("Abduction/forced disappearance", 0.8, r"\b(?:have|had|has) taken (?:away )?(?:at least )?" + _NUM + r" (?:\w+ )?(?:people|persons|civilians|men|women|youths?|villagers)\b"),
    # --- Armed clashes: two armed sides fighting.
    ("Armed clash", 0.78, r"\b(?:clash(?:ed|es)?|gun ?battles?|fire ?fights?|exchanges? of fire|exchanged fire|fierce fighting|heavy fighting|fighting|fought|battles?|skirmish\w*|ambush\w*|counter-?attack\w*|repuls\w*|repelled|fended off|offensive|firefight)\b"),
    ("Armed clash", 0.75, r"\b(?:(?:security forces|troops|soldiers|army|police)" + _W + r"killed" + _W + r"(?:militants?|rebels?|insurgents?|terrorists?|jihadists?|gunmen|fighters|bandits))\b"),
    # --- Armed attacks whose target decides battle vs attack on civilians.
    (ASSAULT, 0.72, r"\b(?:attack(?:ed|s|ing)?|raid(?:ed|s)?|stormed|opened fire|assault(?:ed)?|overran|targeted)\b"),
    (KILLING, 0.7, r"\b(?:gunmen|assailants|attackers|militants|insurgents|bandits|jihadists|rebels|terrorists)\b" + _W + r"\b(?:killed|shot|murdered|slaughtered|beheaded|hacked)\b"),
    (KILLING, 0.72, r"\b(?:massacr\w*|shot dead|gunned down|beheaded|executed|assassinat\w*|hacked to death)\b"),
    # --- Territory taken by force.
    (CAPTURE, 0.9, r"\b(?:captur(?:ed|es|e|ing)|seiz(?:ed|es|e|ing)|overr(?:an|un|unning)|conquer(?:ed|s|ing)?|conquest|took (?:over|control)|taken (?:over|control)|take control|gained control|(?:seized|established|taken|took|take|gain(?:ed)?) (?:full )?control|fell to|fall of|stormed and took|advanced (?:in|into|on)|overtook|occupied)\b"),
    (RECAPTURE, 0.92, r"\b(?:recaptur\w*|retak(?:e|en|es|ing)|retook|regain\w*|reclaim\w*|liberat(?:ed|es|e|ing|ion)|freed|drove (?:back |out )?\w*" + _W + r"\bfrom|driven out|pushed (?:back|out)|flushed out|cleared (?:the )?(?:town|city|village|area|district))\b"),
    # --- Territory changing hands without a fight.
    (WITHDRAWAL, 0.91, r"\b(?:withdr(?:ew|awn|aw|awing|awal)|pull(?:ed|s|ing)? out|pulled back|retreat(?:ed|s)?|evacuat\w+ (?:from|their)|hand(?:ed|s)? over|handover|ced(?:ed|e)|abandon(?:ed)?)\b"),
    # --- Demonstrations: any public protest (modifiers below decide what kind).
    (PROTEST, 0.8, r"\b(?:protest(?:s|ed|ers?|ing)?|demonstrat(?:ion|ions|ors?|ed|ing)|rall(?:y|ies|ied)|marchers|protest march(?:es)?|sit-ins?|took to the streets|take to the streets|picket\w*|strikers|on strike|general strike|hunger strike|walk-?out|vigils?|die-in|boycott\w*|chanting|chanted)\b"),
    # --- Riots and mobs: violent crowds without organised arms.
    ("Violent demonstration", 0.86, r"\b(?:riot(?:s|ed|ing|ers)?|molotov|petrol bombs?|pelted|stone[- ]pelting|threw (?:stones|rocks|bricks|bottles)|hurled (?:stones|rocks|bricks))\b"),
    ("Mob violence", 0.92, r"\b(?:mobs?|lynch\w*|vigilant\w*|angry (?:crowd|residents|villagers)|irate)\b"),
    # --- Agreements: ceasefires, peace deals, prisoner exchanges and releases, surrenders.
    ("Agreement", 0.93, r"\b(?:cease-?fire|truce|peace (?:deal|agreement|accord|pact|talks|process|treaty)|armistice|signed (?:an? )?(?:\w+ )?(?:deal|agreement|accord)|agreed to|prisoner (?:swap|exchange|release)s?|exchanged (?:\w+ )?prisoners|swap of|surrender(?:ed|s)?|laid down (?:their )?arms|reconciliation deal|evacuation deal)\b"),
    ("Agreement", 0.8, r"\brelease (?:of )?(?:all )?(?:\d[\d,]* )?(?:\w+ )?prisoners\b|\bhostages? (?:were |was )?(?:released|freed)\b"),
    # --- Arrests and detentions (dropped for ordinary crime).
    (ARREST, 0.86, r"\b(?:arrest(?:ed|s|ing)?|detain(?:ed|s|ing|ee)?|detention|jailed|apprehended|rounded up|taken into custody|in custody|house arrest|nabbed|held incommunicado|intercepted \d+ suspected)\b"),
    # --- Changes to group or activity: defections, formations, redeployments, reinforcements.
    ("Change to group/activity", 0.88, r"\b(?:defect(?:ed|s|ion|ions|ing)|redeploy\w*|reinforc\w*|deploy(?:ed|s|ment|ing)|dispatched|sent (?:\w+ )?(?:troops|reinforcements|fighters)|mobilis\w*|mobiliz\w*|fortif\w*|merg(?:ed|er)|formed a|was formed|has been formed|set up a (?:new )?(?:militia|brigade|unit|group|force)|(?:militia|brigade|group|unit|force|organi[sz]ation)\b" + _W + r"\b(?:set up|formed|created|established|launched)|disband\w*|dissolv\w*|disarm\w*|recruit\w*|pledged allegiance|military drills?|military exercises?|joined forces|switched sides|forwarded)\b"),
    # --- Disrupted weapons use: weapons found, seized, defused or intercepted before use.
    ("Disrupted weapons use", 0.97, r"\b(?:found|discovered|seized|recovered|defused|defusing|dismantled|confiscated|impounded|uncovered|unearthed|intercepted|shot down|cleared|identified|destroyed|neutrali[sz]ed|busted|seizure of)\b" + _W + r"\b(?:weapons?|arms|ammunition|ammo|explosives?|explosive devices?|bombs?|ieds?|vbieds?|(?:land)?mines|grenades?|rockets?|missiles?|drones?|rounds|pistols?|rifles?|guns|munitions|mortars|detonators|caches?|packages|tnt)\b"),
    ("Disrupted weapons use", 0.97, r"\b(?:weapons?|arms|ammunition|ammo|explosives?|explosive devices?|bombs?|ieds?|(?:land)?mines|grenades?|rockets?|missiles?|drones?|pistols?|rifles?|guns|munitions|caches?|packages)\b" + _W + r"\b(?:were|was|have been|has been|being)\b" + _W + r"\b(?:found|discovered|seized|recovered|defused|dismantled|confiscated|intercepted|shot down|cleared|identified|detected|destroyed|uncovered|unearthed)\b"),
    ("Disrupted weapons use", 0.95, r"\b(?:arms|weapons?|ammunition) (?:cache|depot|haul|seizure)s?\b|\bbomb disposal\b|\bdefus\w+|\bintercept(?:ed|s|ion)\b" + _W + r"\b(?:missiles?|rockets?|drones?)\b"),
    # --- Bases, headquarters and posts set up.
    ("Headquarters or base established", 0.95, r"\b(?:set up|sets up|setting up|established|establish(?:es|ing)?|built|building|opened|erected|constructed)\b" + _W + r"\b(?:bases?|headquarters|hq|(?:observation |military )?posts?|outposts?|checkpoints?|camps?|positions)\b"),
    # --- Looting and property destruction (outside demonstrations).
    ("Looting/property destruction", 0.88, r"\b(?:loot(?:ed|ing|ers)?|plunder\w*|vandali[sz]\w*|ransack\w*|torch(?:ed|ing)|set (?:ablaze|on fire|fire to)|burn(?:ed|t) (?:down )?(?:\w+ )?(?:houses|homes|shops|stores|vehicles|cars|property|properties|buildings|offices|churches|mosques|schools|markets?)|(?:houses|homes|shops|stores|vehicles|cars|property|properties|buildings|offices|churches|mosques|schools) (?:were |have been |was )?(?:\w+ )?(?:burned|burnt|torched|destroyed|razed|set on fire)|destruction of (?:\w+ )?propert\w*|attacks on propert\w*|razed|demolish\w*|arson)\b"),
    # --- Other: displacement and other significant developments with no better type.
    ("Other", 0.5, r"\b(?:fled|fleeing|displaced|displacement|exodus|curfew|state of emergency|missile (?:test|launch)|launch(?:ed)? (?:a|its) (?:\w+ )?(?:satellite|missile))\b"),
)

# --- Protest modifiers: only read when a protest is going on in the sentence (or the one before it).
PROTEST_MODIFIER_CUES: tuple[tuple[str, float, str], ...] = (
    # Demonstrators themselves turn violent.
    ("Violent demonstration", 0.93, r"\b(?:clash(?:ed|es)?|threw|hurl(?:ed|ing)|pelt(?:ed|ing)|stones?|rocks|molotov|petrol bombs?|firebomb\w*|fireworks|firecrackers|torch(?:ed|ing)|set (?:fire|ablaze|on fire)|burn(?:ed|t|ing)|looted|looting|vandali[sz]\w*|smash\w*|rampag\w*|riot\w*|violent(?:ly)? (?:protests?|demonstrations?|clashes)|turned violent|broke into|stormed|breach\w*|barricades?|blocked (?:roads?|highways?|streets?|railways?|the road)|shut down roads|road ?blocks?|attack(?:ed|ing)? (?:police|security|officers|the police))\b"),
    # Lethal or serious force used against demonstrators.
    ("Excessive force against protesters", 0.95, r"\b(?:live (?:rounds|ammunition|fire|bullets)|opened fire|fired on|shot (?:dead|at)|killed|killing|deaths?|dead|died|die|crackdown|excessive force|violently (?:dispersed|suppress\w*|broke up)|suppress\w*|brutal\w*|beat(?:en|ing)?|injur\w*|wounded)\b"),
    # Non-lethal intervention: dispersal, arrests, tear gas.
    ("Protest with intervention", 0.92, r"\b(?:detain\w*|arrest\w*|dispers\w*|tear ?gas|water cannons?|pepper spray|rubber bullets|batons?|broke up|blocked|prevented|banned|kettl\w*|cordon\w*|struggled to|removed)\b"),
)

# --- Ordinary crime: an arrest whose charge is one of these is not coded (ACLED codes political arrests only).
ORDINARY_CRIME = (
    r"\b(?:theft|thie(?:f|ves)|burglar\w*|robber\w*|robbing|drugs?|narcotics?|fraud\w*|counterfeit|smuggl\w*|"
    r"money laundering|corruption|brib\w*|pornograph\w*|trafficking|shoplift\w*|poaching|speeding|drunk|"
    r"cheat\w*|forgery|stolen|illegal immigra\w*|migrants|embezzl\w*|scam\w*|hacking|fake currency)\b"
)
# --- Political markers: an arrest with one of these is coded even when a crime is named too.
POLITICAL_MARKERS = (
    r"\b(?:activists?|protesters?|demonstrators?|opposition|journalists?|dissidents?|militants?|terrorists?|"
    r"insurgents?|rebels?|jihadists?|extremists?|separatists?|party (?:members|leaders|supporters)|politicians?|"
    r"leaders|lawmakers|mps|members of parliament|sabotage|subversi\w*|terror\w*|blasphem\w*|insult\w*|sedition|"
    r"treason|plot\w*|coup|unrest|rally|protests?|curfew|lockdown|gathering|raids?|occupation forces|suspected members)\b"
)

# --- Accidents and disasters: explosions with these around are not attacks.
ACCIDENT_CONTEXT = (
    r"\b(?:gas (?:explosion|leak|cylinder|tank|container)|boiler|furnace|factory|(?:chemical|industrial|power) plant|"
    r"plant exploded|ammonium nitrate|warehouse|accident\w*|short circuit|mine (?:collapse|accident)|coal mine|"
    r"earthquake|flood\w*|landslides?|fireworks factory|tanker|pipeline|gas station|cooking gas|plunged|crash\w*|collision|collided|derail\w*|"
    r"nuclear test|hydrogen bomb|test of)\b"
)

# --- Non-events: sentences that talk about diplomacy, sanctions or reactions rather than report an event.
NON_EVENT_CONTEXT = (
    r"\b(?:expel(?:s|led|ling)? (?:\w+ )?(?:diplomats?|ambassadors?)|sanctions?|condemn\w*|criticiz\w*|criticis\w*|"
    r"summons?ed|covid|coronavirus|vaccin\w*|box office|stock market|election results?)\b"
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
    r"pilgrims?|wedding|funeral|bus)\b"
)

# --- Capturers: words that mark the side taking territory when the actor dictionary says nothing.
STATE_CAPTURER = (
    r"\b(?:army|armies|troops|soldiers|military|government(?:-led)? forces|pro-government forces|regime forces|"
    r"security forces|armed forces|national army|police|gendarmes?|marines|state forces|federal forces|"
    r"(?:iraqi|syrian|afghan|nigerian|somali|malian|yemeni|libyan|ukrainian|russian|turkish|ethiopian|"
    r"kenyan|chadian|cameroonian|pakistani|indian|israeli|azerbaijani|armenian|sudanese|congolese|"
    r"burkinabe|nigerien|philippine|government|national|federal|coalition|allied|loyalist) (?:\w+ )?(?:forces|"
    r"troops|army|units|soldiers)|army units|special forces|elite forces|fardc|sana)\b"
)
NONSTATE_CAPTURER = (
    r"\b(?:rebels?|militants?|insurgents?|jihadists?|terrorists?|fighters|militias?|militiamen|guerrillas?|"
    r"gunmen|opposition|separatists?|extremists?|islamists?|bandits|mujahid\w*|kurds|kurdish|peshmerga|"
    r"ypg|sdf|syrian democratic forces|islamic state|isis|isil|daesh|al-?shabaa?b|shabaab|taliban|"
    r"boko haram|iswap|houthis?|ansar allah|al-?qaeda|aqap|jnim|hts|nusra|hayat tahrir al-sham|hezbollah|"
    r"hamas|farc|eln|npa|m23|adf|cpc|wagner|haftar|lna|tigray\w*|tplf|fano|ola|"
    r"(?:turkish-backed|turkey-backed|iran-backed|russian-backed|foreign-backed) (?:\w+ )?(?:forces|fighters|"
    r"groups?|militias?|factions?))\b"
)
# Acronyms that are also English words in lower case: matched case-sensitively.
NONSTATE_CAPTURER_CASED = r"\b(?:IS|ISIS|ISIL|SDF|YPG|HTS|PKK|ADF|CPC|NPA|OLA)\b"

# --- Withdrawal from a base or post is a change of activity, not a transfer of territory.
BASE_WORDS = r"\b(?:bases?|posts?|outposts?|airfields?|airbases?|observation points?|barracks|camps?|positions)\b"
TERRITORY_WORDS = (
    r"\b(?:towns?|city|cities|villages?|districts?|areas?|regions?|provinces?|territor\w+|neighbou?rhoods?|"
    r"municipalit\w+|zones?|countryside|county|counties|localit\w+|hamlets?|oil ?fields?|control)\b"
)
