"""Event detection and typing: a table of short sentences written for these tests, one or more per sub-event type.

Ordinary crime is not coded: ACLED records arrests of political figures, activists and militants, not of thieves, so
"police arrested a thief for burglary" is ``none``. Sexual violence is coded whenever a text reports it (as the
shared-task gold does). Accidents and disasters (gas explosions, floods) are ``none``.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.events.detect import (
    GOVERNMENT_REGAINS,
    NON_STATE_OVERTAKES,
    EventMention,
    active_cues,
    compiled_lexicon,
    detect_events,
    distinct_events,
    kind_from_words,
    literal_prefixes,
    primary_sub_event,
    territory_subtype,
)
from frontlines.events.taxonomy import SUB_EVENT_NAMES, sub_event_info
from frontlines.model import Actor, ActorKind, Block, BlockKind, Document, Span

pytestmark = pytest.mark.model

PRIMARY_CASES = [
    # Battles
    ("Government troops and rebels clashed for hours near the northern town of Kalemi on Sunday.", "Armed clash"),
    (
        "Insurgents attacked an army checkpoint outside the provincial capital overnight, killing four soldiers.",
        "Armed clash",
    ),
    ("Heavy fighting broke out between two rival militias in the southern district on Tuesday.", "Armed clash"),
    ("The army recaptured the border town of Mersa from the rebels after a three-day offensive.", GOVERNMENT_REGAINS),
    ("Security forces retook control of the district headquarters, officials said.", GOVERNMENT_REGAINS),
    ("Jihadist fighters seized the town of Dalo after soldiers fled their positions.", NON_STATE_OVERTAKES),
    ("Rebels captured a strategic village on the main highway on Friday.", NON_STATE_OVERTAKES),
    # Explosions/Remote violence
    ("Warplanes struck a market in the rebel-held town, killing at least twelve people.", "Air/drone strike"),
    ("A drone strike hit a vehicle carrying two commanders near the border.", "Air/drone strike"),
    (
        "Artillery shells landed on a residential neighbourhood of the city, wounding five civilians.",
        "Shelling/artillery/missile attack",
    ),
    ("Militants fired several rockets at the air base late on Monday.", "Shelling/artillery/missile attack"),
    ("A roadside bomb struck a police patrol in the south, killing two officers.", "Remote explosive/landmine/IED"),
    ("Three children were killed when their cart hit a landmine near the village.", "Remote explosive/landmine/IED"),
    ("A car bomb exploded outside a government office in the capital.", "Remote explosive/landmine/IED"),
    ("Unknown attackers hurled a grenade at a police station, injuring three constables.", "Grenade"),
    ("A suicide bomber blew himself up at a crowded mosque during Friday prayers.", "Suicide bomb"),
    (
        "Residents said the shells released chlorine gas over the town, leaving dozens struggling to breathe.",
        "Chemical weapon",
    ),
    # Violence against civilians
    ("Gunmen stormed a village and shot dead eleven farmers on Wednesday night.", "Attack"),
    ("Armed men killed a local journalist outside his home in the provincial capital.", "Attack"),
    ("Gunmen abducted twenty passengers from a bus on the highway.", "Abduction/forced disappearance"),
    (
        "The activist disappeared after being taken away by men in plain clothes, his family said.",
        "Abduction/forced disappearance",
    ),
    ("Soldiers raped several women during a raid on the settlement, a rights group said.", "Sexual violence"),
    # Protests
    (
        "Thousands of people marched through the capital to demand the resignation of the prime minister.",
        "Peaceful protest",
    ),
    ("Teachers staged a sit-in outside the education ministry over unpaid wages.", "Peaceful protest"),
    (
        "Police fired tear gas to disperse hundreds of students protesting against fee increases.",
        "Protest with intervention",
    ),
    (
        "Dozens of demonstrators were detained as police broke up a rally in the city centre.",
        "Protest with intervention",
    ),
    (
        "Security forces opened fire on protesters in the capital, killing at least six.",
        "Excessive force against protesters",
    ),
    # Riots
    ("Protesters threw stones at police and set tyres on fire in the main square.", "Violent demonstration"),
    ("Rioters torched cars and looted shops after the verdict was announced.", "Violent demonstration"),
    ("An angry mob beat a man to death after accusing him of theft.", "Mob violence"),
    ("Villagers lynched two suspected cattle thieves on Saturday.", "Mob violence"),
    # Strategic developments
    ("The two sides signed a ceasefire agreement in the capital on Monday.", "Agreement"),
    ("The government and the rebels exchanged prisoners under the new deal.", "Agreement"),
    ("Police arrested twelve opposition activists ahead of the planned election rally.", "Arrests"),
    ("Security forces detained a senior leader of the separatist movement at his home.", "Arrests"),
    (
        "Over two hundred fighters defected from the militia to join the army, a spokesman said.",
        "Change to group/activity",
    ),
    ("The army deployed additional troops and armoured vehicles to the restive province.", "Change to group/activity"),
    ("Bomb disposal experts defused an explosive device found near the bridge.", "Disrupted weapons use"),
    ("Soldiers seized a large cache of weapons and ammunition in a raid on a farmhouse.", "Disrupted weapons use"),
    ("The military set up a new base on the outskirts of the town.", "Headquarters or base established"),
    ("Armed men looted the health centre and set fire to several houses.", "Looting/property destruction"),
    (
        "Government forces withdrew from the town, handing it over to the local militia without a fight.",
        "Non-violent transfer of territory",
    ),
    # none: crime without political dimension, disasters, accidents, sport, diplomacy, economics, figures of speech
    ("Police arrested a thief for burglary at a jewellery shop.", "none"),
    ("The film was a bomb at the box office.", "none"),
    ("A gas cylinder exploded in a restaurant kitchen, injuring three workers.", "none"),
    ("Floods swept away dozens of homes after days of torrential rain.", "none"),
    ("The home side stormed to a 3-0 victory in the cup final.", "none"),
    ("The foreign minister held talks with his counterpart on trade and investment.", "none"),
    ("Inflation rose to nine percent in March, the central bank said.", "none"),
    ("The company's shares fell sharply after the quarterly results.", "none"),
    ("A bus plunged into a ravine, killing fourteen passengers.", "none"),
    ("The government expelled two diplomats and announced new sanctions.", "none"),
]


def _doc(text: str, **kwargs: Any) -> Document:
    return Document(raw=text, text=text, **kwargs)


@pytest.mark.parametrize(("text", "expected"), PRIMARY_CASES)
def test_primary_event_type(text: str, expected: str) -> None:
    assert primary_sub_event(detect_events(_doc(text))) == expected


def test_every_sub_event_type_but_other_has_a_case() -> None:
    covered = {expected for _, expected in PRIMARY_CASES}
    assert set(SUB_EVENT_NAMES) - covered == {"Other"}


def test_mentions_are_consistent_with_the_taxonomy_and_text() -> None:
    text = "Rebels captured the town of Sora on Monday. Warplanes then bombed rebel positions near the town."
    events = detect_events(_doc(text))
    assert events
    for event in events:
        assert isinstance(event, EventMention)
        info = sub_event_info(event.sub_event_type)
        assert (event.event_type, event.disorder_type) == (info.event_type, info.disorder_type)
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.sentence.contains(event.trigger)
        assert 0.0 < event.confidence <= 1.0
        assert event.cues


MULTI_EVENT_CASES = [
    (
        "Islamist fighters overran the town of Bura on Saturday after days of heavy fighting. Air strikes hit their "
        "positions on Sunday, and the army shelled the outskirts of the town with artillery.",
        NON_STATE_OVERTAKES,
        {"Air/drone strike", "Shelling/artillery/missile attack", "Armed clash"},
    ),
    (
        "Hundreds of protesters rallied in front of parliament on Monday. Police later fired tear gas and detained "
        "several organisers.",
        "Protest with intervention",
        {"Protest with intervention"},
    ),
    (
        "A suicide bomber struck a checkpoint in the city on Tuesday. Later, soldiers found and defused a second "
        "explosive device near the market.",
        "Suicide bomb",
        {"Disrupted weapons use"},
    ),
]


@pytest.mark.parametrize(("text", "primary", "others"), MULTI_EVENT_CASES)
def test_multi_event_text_lists_primary_first(text: str, primary: str, others: set[str]) -> None:
    events = detect_events(_doc(text))
    assert events[0].sub_event_type == primary
    assert others <= {e.sub_event_type for e in events}


def test_dictionary_actor_kind_decides_territory_subtype() -> None:
    text = "The Northern Front captured the town of Dara on Monday."
    start = text.index("The Northern Front")
    span = Span.of(text, start, start + len("The Northern Front"))
    state = Actor(id="nf", name="Northern Front", kind=ActorKind.STATE_FORCES)
    rebel = Actor(id="nf", name="Northern Front", kind=ActorKind.REBEL_GROUP)
    assert primary_sub_event(detect_events(_doc(text, actors=[(span, state)]))) == GOVERNMENT_REGAINS
    assert primary_sub_event(detect_events(_doc(text, actors=[(span, rebel)]))) == NON_STATE_OVERTAKES


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (ActorKind.STATE_FORCES, GOVERNMENT_REGAINS),
        (ActorKind.EXTERNAL_FORCES, GOVERNMENT_REGAINS),
        (ActorKind.REBEL_GROUP, NON_STATE_OVERTAKES),
        (ActorKind.IDENTITY_MILITIA, NON_STATE_OVERTAKES),
        (None, NON_STATE_OVERTAKES),
    ],
)
def test_territory_subtype(kind: ActorKind | None, expected: str) -> None:
    assert territory_subtype(kind) == expected


# Texts of two or three sentences, as news leads are: the primary event must come first.
LEAD_CASES = [
    (
        "At least 15 people were killed on Tuesday when warplanes bombed a fuel depot on the outskirts of "
        "the city, medics said. The army denied involvement. Clashes continued in nearby villages.",
        "Air/drone strike",
    ),
    (
        "Fighting between rival armed groups in the capital's southern suburbs killed at least 11 people "
        "overnight, the health ministry said. Schools in the area were closed.",
        "Armed clash",
    ),
    (
        "Jihadist militants have seized control of a military camp and the surrounding town in the north "
        "after a two-day siege, security sources said. Soldiers retreated to a nearby base. The army later "
        "launched air strikes on the town.",
        "Non-state actor overtakes territory",
    ),
    (
        "The army announced on Sunday that its forces had liberated the last neighbourhoods of the city held "
        "by insurgents. Demining teams were deployed to clear the streets.",
        "Government regains territory",
    ),
    (
        "Thousands of teachers marched to the education ministry on Monday to demand better pay. The protest "
        "ended peacefully in the afternoon.",
        "Peaceful protest",
    ),
    (
        "Opposition supporters gathered in the capital to denounce the election results. Police used batons "
        "and tear gas to disperse the crowd and detained several organisers.",
        "Protest with intervention",
    ),
    (
        "Security forces fired live rounds at demonstrators in the southern city, killing at least three, "
        "rights groups said. The protesters had gathered to demand the release of a local activist.",
        "Excessive force against protesters",
    ),
    (
        "Demonstrators angry over the price of bread torched a municipal building and looted shops on the "
        "main street. Police said 40 officers were injured.",
        "Violent demonstration",
    ),
    (
        "A roadside bomb tore through a minibus carrying wedding guests in the east of the country, killing "
        "nine people. No group claimed responsibility.",
        "Remote explosive/landmine/IED",
    ),
    (
        "A suicide bomber detonated an explosives-laden vehicle at the gate of a police compound, killing at "
        "least seven officers, officials said.",
        "Suicide bomb",
    ),
    (
        "Rockets slammed into a residential block in the city on Friday, wounding twelve people, the mayor "
        "said. Authorities blamed separatist forces.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Gunmen raided a village at dawn, killing 23 residents and burning homes, a local official said. "
        "Survivors fled to the nearby town.",
        "Attack",
    ),
    (
        "Gunmen stormed a school in the early hours and abducted more than 80 pupils and two teachers, police said.",
        "Abduction/forced disappearance",
    ),
    (
        "Police in the capital detained 14 members of an opposition party accused of plotting to overthrow "
        "the government.",
        "Arrests",
    ),
    (
        "The warring factions signed a ceasefire agreement on Thursday after three days of talks, the UN "
        "envoy said. The deal includes the release of prisoners.",
        "Agreement",
    ),
    (
        "The army said it had seized a truck loaded with explosives and detonators at a checkpoint near the border.",
        "Disrupted weapons use",
    ),
    (
        "Hundreds of fighters from the rebel alliance announced they were joining the government's newly "
        "formed national army.",
        "Change to group/activity",
    ),
    (
        "The coalition set up a new forward operating base near the frontline town, officials said.",
        "Headquarters or base established",
    ),
    (
        "Militia members looted the warehouse of an aid agency and set fire to its offices.",
        "Looting/property destruction",
    ),
    (
        "Kurdish forces withdrew from the border town, handing it to government troops under a Russian-brokered deal.",
        "Non-violent transfer of territory",
    ),
    ("A mob attacked a man accused of witchcraft and burned him to death in the village.", "Mob violence"),
    ("A grenade exploded near a bus stop in the city centre, injuring six people, police said.", "Grenade"),
    (
        "Dozens of women said they had been sexually assaulted by members of the security forces at a "
        "detention centre.",
        "Sexual violence",
    ),
    ("Five people died when a fuel tanker overturned and caught fire on the motorway.", "none"),
    ("The government said it would spend $3 billion on new roads and bridges.", "none"),
    ("Police arrested a suspect in the murder of a shopkeeper during a robbery.", "none"),
    ("The president met the visiting foreign minister to discuss bilateral relations.", "none"),
    ("A powerful cyclone made landfall on the coast, forcing the evacuation of 100,000 people.", "none"),
    ("The opposition leader said she would challenge the election result in court.", "none"),
    ("Troops took part in a joint exercise with allied armies, the defence ministry said.", "none"),
]


@pytest.mark.parametrize(("text", "expected"), LEAD_CASES)
def test_primary_event_of_short_leads(text: str, expected: str) -> None:
    assert primary_sub_event(detect_events(_doc(text))) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("government troops", ActorKind.STATE_FORCES),
        ("the national army", ActorKind.STATE_FORCES),
        ("rebel fighters", ActorKind.REBEL_GROUP),
        ("IS militants", ActorKind.REBEL_GROUP),
        ("the villagers", None),
        ("this is it", None),
    ],
)
def test_kind_from_generic_words(words: str, expected: ActorKind | None) -> None:
    assert kind_from_words(words) == expected


def test_captions_yield_no_events() -> None:
    title = "Markets reopen after holiday"
    caption = "Rebels captured the town of Sora on Monday."
    text = f"{title}\n{caption}"
    blocks = [Block(BlockKind.TITLE, 0, len(title)), Block(BlockKind.CAPTION, len(title) + 1, len(text))]
    assert detect_events(_doc(text, blocks=blocks)) == []


def test_parse_is_reused_when_present() -> None:
    from frontlines.nlp.model import load_spacy

    text = "A car bomb exploded near the governor's office."
    doc = _doc(text)
    doc.nlp = load_spacy()(text)
    assert primary_sub_event(detect_events(doc)) == "Remote explosive/landmine/IED"


def test_empty_text_has_no_events() -> None:
    assert detect_events(_doc("")) == []


# More sentences written for these tests, in other phrasings: headlines, passives, reported speech.
MORE_CASES = [
    (
        "Two soldiers and five insurgents died in a firefight near the Mali-Niger border late on Thursday.",
        "Armed clash",
    ),
    ("Fighters loyal to the two rival commanders traded fire across the river for a second day.", "Armed clash"),
    (
        "Police said officers came under fire from bandits while patrolling the Kaduna road, and returned fire.",
        "Armed clash",
    ),
    (
        "Militants ambushed an army convoy on the Gwoza road, sparking a gun battle that lasted three hours.",
        "Armed clash",
    ),
    ("Clashes between the Houthis and pro-government tribes left at least 20 dead in Marib.", "Armed clash"),
    (
        "Nigerian troops have dislodged Boko Haram from the village of Kirawa, the army said.",
        "Government regains territory",
    ),
    (
        "Afghan forces took back control of the district center after a night-long battle with the Taliban.",
        "Government regains territory",
    ),
    (
        "The Ethiopian army said it had retaken the town of Lalibela from Tigrayan forces.",
        "Government regains territory",
    ),
    (
        "Al-Shabaab fighters took control of the town of Bulo Burde after Ethiopian troops left.",
        "Non-state actor overtakes territory",
    ),
    (
        "Taliban insurgents overran a district headquarters in Badghis province on Sunday.",
        "Non-state actor overtakes territory",
    ),
    ("M23 rebels seized the town of Bunagana on the Ugandan border on Monday.", "Non-state actor overtakes territory"),
    ("A Turkish drone killed three members of the PKK in northern Iraq on Friday.", "Air/drone strike"),
    ("Coalition aircraft bombed a weapons depot in Sanaa overnight, residents said.", "Air/drone strike"),
    ("Israeli jets hit several targets in the Gaza Strip early on Tuesday.", "Air/drone strike"),
    ("Russian forces shelled residential areas of Kharkiv, killing two people.", "Shelling/artillery/missile attack"),
    (
        "A mortar round struck a school compound in Mogadishu, wounding four pupils.",
        "Shelling/artillery/missile attack",
    ),
    ("Houthi rebels launched a ballistic missile at the Saudi city of Jazan.", "Shelling/artillery/missile attack"),
    (
        "An improvised explosive device killed three soldiers on patrol in Kunar province.",
        "Remote explosive/landmine/IED",
    ),
    (
        "A bomb hidden in a motorcycle went off near a busy market in Quetta, wounding eleven people.",
        "Remote explosive/landmine/IED",
    ),
    ("Two shepherds were wounded when they stepped on a mine left over from the war.", "Remote explosive/landmine/IED"),
    ("A hand grenade was lobbed into a crowded bar in Bujumbura, killing one person.", "Grenade"),
    ("Unidentified men threw a grenade at the house of a local politician in Manipur.", "Grenade"),
    ("A suicide car bomber rammed his vehicle into the gate of an army base in Mogadishu.", "Suicide bomb"),
    ("A female suicide attacker detonated her vest at a market in Maiduguri, killing six.", "Suicide bomb"),
    ("Medics reported symptoms consistent with a sarin attack after the strike on Khan Sheikhoun.", "Chemical weapon"),
    ("Gunmen on motorbikes killed 22 villagers in an attack in central Mali, local officials said.", "Attack"),
    ("Suspected herders attacked a farming community in Benue, killing seven residents.", "Attack"),
    ("Militia members executed four civilians accused of collaborating with the army.", "Attack"),
    ("UN investigators documented dozens of cases of rape by soldiers in the conflict zone.", "Sexual violence"),
    ("Bandits kidnapped 30 students from a boarding school in Zamfara state.", "Abduction/forced disappearance"),
    ("Armed men seized a Catholic priest from his parish in Kaduna on Sunday night.", "Abduction/forced disappearance"),
    ("Hundreds of farmers gathered outside parliament to protest against the new land law.", "Peaceful protest"),
    ("Nurses went on strike across the country on Monday over unpaid salaries.", "Peaceful protest"),
    ("Supporters of the jailed opposition leader held a peaceful demonstration in the capital.", "Peaceful protest"),
    ("Riot police used water cannon to break up a march by opposition supporters.", "Protest with intervention"),
    ("Police arrested 40 people at an unauthorised rally in Moscow on Saturday.", "Protest with intervention"),
    (
        "Soldiers fired live ammunition at demonstrators in Khartoum, killing at least five.",
        "Excessive force against protesters",
    ),
    (
        "Police beat and shot peaceful protesters, leaving three dead, witnesses said.",
        "Excessive force against protesters",
    ),
    (
        "Demonstrators set a police station on fire and blocked the main highway with burning tyres.",
        "Violent demonstration",
    ),
    ("Angry protesters stoned police vehicles and clashed with officers in the city centre.", "Violent demonstration"),
    ("A mob set fire to a man accused of blasphemy in Sialkot.", "Mob violence"),
    ("Residents lynched a suspected kidnapper in Kenema after he was caught by vigilantes.", "Mob violence"),
    ("The warring parties agreed to a 72-hour truce to allow humanitarian aid into the city.", "Agreement"),
    ("Hundreds of rebels surrendered to the army along with their weapons in Mindanao.", "Agreement"),
    ("The government released 200 Taliban prisoners as part of the peace agreement.", "Agreement"),
    ("Authorities detained two prominent journalists who had criticised the president.", "Arrests"),
    ("Security forces arrested five suspected members of an Islamic State cell in Kirkuk.", "Arrests"),
    ("Two rebel factions announced they would merge into a single armed group.", "Change to group/activity"),
    ("Hundreds of troops were redeployed from the capital to the northern frontline.", "Change to group/activity"),
    ("Police recovered a cache of rifles and grenades hidden in a house in Kismayo.", "Disrupted weapons use"),
    ("Air defences intercepted two drones launched towards the city, the military said.", "Disrupted weapons use"),
    (
        "Russian troops have established a new military post near the town of Tal Tamr.",
        "Headquarters or base established",
    ),
    ("Gunmen burned down dozens of houses in the village after residents fled.", "Looting/property destruction"),
    ("Unknown men vandalised the offices of the electoral commission overnight.", "Looting/property destruction"),
    (
        "The militia handed over control of the airport to the national army under a local deal.",
        "Non-violent transfer of territory",
    ),
    (
        "Rebel fighters withdrew from the town of Kidal, allowing government forces to enter without a fight.",
        "Non-violent transfer of territory",
    ),
    ("Two men were arrested for stealing cattle in Nakuru county.", "none"),
    ("A fire broke out at a textile factory, killing six workers.", "none"),
    ("The striker scored twice as the visitors crushed the hosts 4-1.", "none"),
    ("The central bank raised interest rates by half a point on Wednesday.", "none"),
    ("Prime ministers of the two countries met in Brussels to discuss energy cooperation.", "none"),
    ("The ministry reported 3,200 new cases of cholera in the past week.", "none"),
    ("A landslide buried a village after days of heavy rain, killing dozens.", "none"),
    ("Police arrested a man suspected of murdering his wife in a domestic dispute.", "none"),
    ("The new smartphone was a blast with critics, who praised its battery life.", "none"),
    ("Lawmakers debated a bill to raise the minimum wage.", "none"),
    ("The army held a parade to mark Independence Day.", "none"),
    ("The president attacked his rivals in a fiery speech on Sunday.", "none"),
    ("Security forces engaged ISWAP fighters in a fierce gunfight on the outskirts of Monguno.", "Armed clash"),
    ("Kurdish and Turkish-backed factions fought overnight near Manbij, a war monitor reported.", "Armed clash"),
    ("A soldier was killed when militants opened fire on a military outpost in North Waziristan.", "Armed clash"),
    (
        "The army said it repelled an assault by jihadists on its base in Boulkessi, killing 15 attackers.",
        "Armed clash",
    ),
    (
        "Government troops recaptured Kismayo's airport after driving out al-Shabaab militants.",
        "Government regains territory",
    ),
    ("Iraqi forces have fully liberated the western town of Rawa from Islamic State.", "Government regains territory"),
    (
        "Houthi fighters have captured the district of Nati in al-Bayda province from government forces.",
        "Non-state actor overtakes territory",
    ),
    (
        "JNIM militants took over the town of Boni after the army abandoned its positions.",
        "Non-state actor overtakes territory",
    ),
    ("An American drone strike killed a senior al-Qaeda commander in Idlib.", "Air/drone strike"),
    ("Sudanese air force planes bombed RSF positions in Omdurman on Saturday.", "Air/drone strike"),
    ("A helicopter gunship opened fire on a convoy near the border.", "Air/drone strike"),
    (
        "Rebels shelled the city centre with Grad rockets, killing at least seven civilians.",
        "Shelling/artillery/missile attack",
    ),
    ("Ukrainian artillery pounded Russian positions near Bakhmut overnight.", "Shelling/artillery/missile attack"),
    ("Two missiles struck an apartment building in Dnipro, officials said.", "Shelling/artillery/missile attack"),
    ("A bomb planted under a car killed a prosecutor in the capital.", "Remote explosive/landmine/IED"),
    (
        "An explosion ripped through a police van in Peshawar, killing four officers, in what police said "
        "was a remote-controlled bomb.",
        "Remote explosive/landmine/IED",
    ),
    (
        "Three peacekeepers were killed when their vehicle struck an explosive device in northern Mali.",
        "Remote explosive/landmine/IED",
    ),
    ("Attackers tossed a grenade into a church during Sunday mass, wounding 12 worshippers.", "Grenade"),
    (
        "At least 30 people were killed when a bomber detonated explosives strapped to his body at a wedding.",
        "Suicide bomb",
    ),
    ("A suicide attack on a military academy in Kabul killed 40 cadets.", "Suicide bomb"),
    ("Activists accused government forces of dropping chlorine-filled barrel bombs on Douma.", "Chemical weapon"),
    ("Militiamen killed 12 displaced people at a camp in Ituri, a local official said.", "Attack"),
    ("Unknown gunmen shot dead a village chief in Cabo Delgado.", "Attack"),
    ("Fulani militants attacked Christian villages in Plateau state, killing dozens of residents.", "Attack"),
    ("Women in the camp described being raped by armed men when they went to collect firewood.", "Sexual violence"),
    ("Gunmen abducted a foreign aid worker in northern Niger on Tuesday.", "Abduction/forced disappearance"),
    (
        "Relatives say the student has not been seen since security agents took him from his home in March.",
        "Abduction/forced disappearance",
    ),
    ("Thousands rallied in Tbilisi against the foreign agents bill on Sunday evening.", "Peaceful protest"),
    ("Shopkeepers closed their businesses in a strike to protest against new taxes.", "Peaceful protest"),
    ("Climate activists held a silent vigil outside the parliament building.", "Peaceful protest"),
    ("Police dispersed a gathering of opposition supporters with tear gas in Kampala.", "Protest with intervention"),
    (
        "Authorities detained dozens of protesters who gathered in the main square in defiance of a ban.",
        "Protest with intervention",
    ),
    (
        "Security forces killed at least 12 demonstrators as they fired into crowds in Mandalay.",
        "Excessive force against protesters",
    ),
    ("Youths burned tyres and hurled rocks at police during protests over fuel prices.", "Violent demonstration"),
    ("Protesters stormed the parliament building and set parts of it ablaze.", "Violent demonstration"),
    ("A crowd beat to death two men accused of stealing a motorbike.", "Mob violence"),
    ("The government and the National Liberation Army agreed on a bilateral ceasefire.", "Agreement"),
    ("Both sides freed dozens of captives in a swap brokered by the Red Cross.", "Agreement"),
    ("Police in Hong Kong arrested a pro-democracy media tycoon under the national security law.", "Arrests"),
    ("The military junta detained the former prime minister and several ministers.", "Arrests"),
    (
        "A new armed group calling itself the Freedom Brigade announced its formation in the south.",
        "Change to group/activity",
    ),
    ("The rebel movement split into two factions after a dispute over leadership.", "Change to group/activity"),
    ("Sappers cleared more than 300 landmines from farmland near the former front.", "Disrupted weapons use"),
    ("Customs officers discovered a shipment of rifles and ammunition hidden in a container.", "Disrupted weapons use"),
    ("Wagner mercenaries have set up a base at the airport in Menaka.", "Headquarters or base established"),
    ("Armed men looted food stores and burned the market in the town of Kaya.", "Looting/property destruction"),
    (
        "Under the deal, rebels handed over the town of Daraa al-Balad to government forces.",
        "Non-violent transfer of territory",
    ),
    ("A tanker truck exploded on a highway, killing 20 people.", "none"),
    ("Police arrested three men for selling counterfeit medicines.", "none"),
    ("The two leaders signed a trade agreement worth $2 billion.", "none"),
    ("The government announced a new vaccination campaign against measles.", "none"),
    ("Heavy snowfall closed roads across the region on Tuesday.", "none"),
    ("The striker's stunning goal sealed the title for the champions.", "none"),
    ("The singer's new album was a hit, storming to the top of the charts.", "none"),
    ("The minister launched a fierce attack on the opposition's budget plans.", "none"),
    ("A fire at an apartment block killed nine residents.", "none"),
    ("Stock markets crashed after the bank collapse.", "none"),
    (
        "Fighting erupted on Tuesday between the army and RSF paramilitaries in several neighbourhoods of El "
        "Fasher. Residents reported heavy gunfire throughout the night.",
        "Armed clash",
    ),
    (
        "Three policemen and two bandits were killed during an exchange of gunfire in Zamfara, a police "
        "spokesman said.",
        "Armed clash",
    ),
    (
        "Pakistani troops killed six militants in an intelligence-based operation in Khyber district, the "
        "military's media wing said.",
        "Armed clash",
    ),
    (
        "Fierce battles raged around the city of Marib as Houthi fighters pushed towards government lines.",
        "Armed clash",
    ),
    (
        "After weeks of fighting, the Somali army and allied clan militias reclaimed the town of Adan Yabaal "
        "from al-Shabaab.",
        "Government regains territory",
    ),
    (
        "Security forces have restored state authority in the area after expelling the armed group, the governor said.",
        "Government regains territory",
    ),
    (
        "Insurgents loyal to the Islamic State now control the coastal town of Mocimboa da Praia after "
        "Mozambican troops fled.",
        "Non-state actor overtakes territory",
    ),
    (
        "Rebels of the TPLF entered Mekelle on Monday as federal troops withdrew, according to residents.",
        "Non-violent transfer of territory",
    ),
    (
        "Several civilians were killed in an air raid on a village in Sagaing region, local media said.",
        "Air/drone strike",
    ),
    ("Saudi-led coalition jets struck a Houthi camp in Saada province overnight.", "Air/drone strike"),
    (
        "Shells fired by government forces hit a hospital in Idlib, killing three medical staff.",
        "Shelling/artillery/missile attack",
    ),
    (
        "A barrage of rockets was fired from Gaza towards southern Israel on Wednesday evening.",
        "Shelling/artillery/missile attack",
    ),
    (
        "A roadside explosion targeted a military vehicle on the Kabul-Jalalabad highway, wounding three soldiers.",
        "Remote explosive/landmine/IED",
    ),
    (
        "Police said a magnetic bomb attached to a minibus exploded in Kabul, killing four passengers.",
        "Remote explosive/landmine/IED",
    ),
    ("Suspected rebels lobbed grenades at a police post in Bangui, killing one officer.", "Grenade"),
    ("A suicide bombing at a mosque in Peshawar killed at least 59 people during prayers.", "Suicide bomb"),
    (
        "The opposition said dozens of people suffered suffocation after a regime helicopter dropped "
        "canisters of toxic gas on the town.",
        "Chemical weapon",
    ),
    ("Gunmen killed 14 worshippers at a church in north-eastern Burkina Faso on Sunday.", "Attack"),
    ("ADF militants hacked to death 25 villagers in an overnight raid in Beni territory.", "Attack"),
    ("A human rights group said soldiers had sexually assaulted detained women at a military camp.", "Sexual violence"),
    (
        "Suspected militants kidnapped two Chinese engineers working on a road project.",
        "Abduction/forced disappearance",
    ),
    ("Workers at the port held a demonstration demanding higher wages, but there was no violence.", "Peaceful protest"),
    ("Several hundred people joined a march in solidarity with Palestinians in central London.", "Peaceful protest"),
    ("Police broke up a sit-in by students at the university and detained 15 of them.", "Protest with intervention"),
    (
        "At least nine people died when police opened fire on protesters demanding the governor's resignation.",
        "Excessive force against protesters",
    ),
    (
        "Protesters clashed with riot police and set fire to a government building in the regional capital.",
        "Violent demonstration",
    ),
    ("An angry mob lynched two suspected thieves in Nairobi's Kibera slum.", "Mob violence"),
    (
        "Government and rebel negotiators signed a peace deal in Juba on Saturday, ending years of conflict.",
        "Agreement",
    ),
    (
        "Some 300 fighters laid down their arms and surrendered to the authorities in exchange for an amnesty.",
        "Agreement",
    ),
    ("Turkish police detained 50 suspected members of the Gulen movement in dawn raids.", "Arrests"),
    ("The opposition leader was arrested at his home in the capital on charges of inciting unrest.", "Arrests"),
    (
        "The Wagner Group began withdrawing its fighters from positions around the city, handing them to "
        "regular troops.",
        "Non-violent transfer of territory",
    ),
    (
        "A senior commander of the militia defected to the government along with 40 of his men.",
        "Change to group/activity",
    ),
    ("Bomb disposal experts defused a large device found outside a police station.", "Disrupted weapons use"),
    ("Troops discovered an arms cache containing mortars and rocket launchers in a cave.", "Disrupted weapons use"),
    ("Turkey established a new military base in northern Iraq, officials said.", "Headquarters or base established"),
    ("Attackers burned dozens of homes and looted livestock in the village.", "Looting/property destruction"),
    ("The army handed over the city to the joint force under the peace deal.", "Non-violent transfer of territory"),
    ("The court sentenced the former minister to five years in prison for corruption.", "none"),
    ("Heavy rains caused flooding across the state, displacing thousands of families.", "none"),
    ("The opposition won a majority of seats in Sunday's parliamentary election.", "none"),
    ("A shooting at a nightclub left two people dead in what police called a gang dispute.", "none"),
    ("The company announced plans to cut 2,000 jobs as profits fell.", "none"),
    ("The foreign minister said talks on the nuclear programme would resume next month.", "none"),
    ("A train derailed in the east of the country, injuring dozens of passengers.", "none"),
    ("The national team clinched the championship with a last-minute goal.", "none"),
    ("The defence ministry announced a budget increase for new fighter jets.", "none"),
    ("A man was arrested after stabbing a neighbour during an argument over parking.", "none"),
    (
        "KABUL (Reuters) - Taliban fighters and Afghan commandos fought pitched battles in the outskirts of "
        "Lashkar Gah on Sunday, officials said, as the insurgents pressed their offensive.",
        "Armed clash",
    ),
    (
        "Two members of the Colombian army were wounded in a confrontation with ELN guerrillas in Arauca department.",
        "Armed clash",
    ),
    (
        "The Nigerian Army says its troops neutralised 12 terrorists during a clearance operation in Sambisa forest.",
        "Armed clash",
    ),
    (
        "Heavy exchanges between Indian and Pakistani troops were reported along the Line of Control overnight.",
        "Armed clash",
    ),
    (
        "Ukrainian forces have pushed Russian troops out of the village of Robotyne, the military said on Monday.",
        "Government regains territory",
    ),
    (
        "Rebels from the M23 movement have taken the strategic town of Rubaya, home to a major coltan mine, "
        "local sources said.",
        "Non-state actor overtakes territory",
    ),
    (
        "The insurgents hoisted their flag over the police headquarters after government forces fled the district.",
        "Non-state actor overtakes territory",
    ),
    (
        "Eight people, including three children, died after a missile fired from a drone struck a house in "
        "the village.",
        "Air/drone strike",
    ),
    ("Residents said military aircraft dropped bombs on a crowded market in the town of Tonga.", "Air/drone strike"),
    (
        "Separatist forces fired mortars at Ukrainian positions near Avdiivka 40 times in the past 24 hours.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Two civilians were wounded by artillery fire in the border village, the regional governor said.",
        "Shelling/artillery/missile attack",
    ),
    (
        "A bomb attached to a motorcycle exploded near a checkpoint in Mogadishu, killing two soldiers.",
        "Remote explosive/landmine/IED",
    ),
    (
        "An explosive device detonated as a military convoy passed through the Sinai, leaving five troops dead.",
        "Remote explosive/landmine/IED",
    ),
    ("An attacker threw a hand grenade into a crowd at a political rally, wounding 17 people.", "Grenade"),
    (
        "A man wearing an explosive vest detonated it at the entrance of a Shiite mosque, killing 20 worshippers.",
        "Suicide bomb",
    ),
    ("Inspectors concluded that sarin nerve agent was used in the attack that killed dozens.", "Chemical weapon"),
    (
        "Armed men on motorcycles opened fire on a bus carrying miners, killing 37 people, the regional governor said.",
        "Attack",
    ),
    ("The bodies of five farmers were found with gunshot wounds after an attack by suspected jihadists.", "Attack"),
    (
        "Survivors told investigators they had been raped by fighters during the occupation of the town.",
        "Sexual violence",
    ),
    (
        "Pirates boarded the tanker and took eight crew members hostage off the coast of Nigeria.",
        "Abduction/forced disappearance",
    ),
    (
        "Hundreds of supporters of the former president gathered outside the court, chanting slogans and waving flags.",
        "Peaceful protest",
    ),
    ("Doctors in public hospitals began an indefinite strike over pay and working conditions.", "Peaceful protest"),
    (
        "Police fired tear gas and arrested dozens of students demonstrating against tuition fees.",
        "Protest with intervention",
    ),
    (
        "Troops shot dead four demonstrators during a protest against the military takeover, medics said.",
        "Excessive force against protesters",
    ),
    (
        "Rioters set fire to cars and smashed shop windows in the city centre after the police shooting of a teenager.",
        "Violent demonstration",
    ),
    ("Vigilantes dragged the suspects from the police station and beat them to death.", "Mob violence"),
    ("Israel and Hamas agreed to a truce mediated by Egypt, ending eleven days of fighting.", "Agreement"),
    (
        "Hundreds of fighters and their families were evacuated from the besieged town under a deal between "
        "the rebels and the government.",
        "Agreement",
    ),
    (
        "Egyptian security forces rounded up dozens of Muslim Brotherhood members ahead of the anniversary "
        "of the uprising.",
        "Arrests",
    ),
    ("A prominent human rights lawyer was detained by state security officers at Cairo airport.", "Arrests"),
    (
        "The army announced that it was sending an extra 2,000 troops to the eastern region to counter the insurgency.",
        "Change to group/activity",
    ),
    (
        "Three armed factions announced their merger into a single coalition called the National Front.",
        "Change to group/activity",
    ),
    (
        "Police in Northern Ireland made safe a viable pipe bomb discovered near a school in Belfast.",
        "Disrupted weapons use",
    ),
    (
        "Saudi air defences shot down a ballistic missile fired towards Riyadh, the coalition said.",
        "Disrupted weapons use",
    ),
    (
        "The militants established a new headquarters in the abandoned school building.",
        "Headquarters or base established",
    ),
    (
        "Unidentified assailants torched a primary school in the village overnight, the education ministry said.",
        "Looting/property destruction",
    ),
    (
        "Under the agreement, the separatists handed control of the port city to government forces.",
        "Non-violent transfer of territory",
    ),
    ("A 7.2 magnitude earthquake struck off the coast, triggering a tsunami warning.", "none"),
    ("The parliament approved the budget after a heated debate.", "none"),
    ("The police commissioner retired after 30 years of service.", "none"),
    ("A gunman robbed a bank and escaped with $50,000 in cash, police said.", "none"),
    ("Officials said the power outage was caused by a technical fault at the grid.", "none"),
    ("The rebels' leader gave an interview to a local radio station about his childhood.", "none"),
    ("The army chief visited troops on the front line and praised their courage.", "none"),
    ("The tournament's opening match ended in a goalless draw.", "none"),
    ("The UN warned that millions face hunger due to the drought.", "none"),
    ("A military plane crashed during a training flight, killing both pilots.", "none"),
]


@pytest.mark.parametrize(("text", "expected"), MORE_CASES)
def test_primary_event_type_more_phrasings(text: str, expected: str) -> None:
    assert primary_sub_event(detect_events(_doc(text))) == expected


# Terse headlines in the present tense or with casualties only (written for these tests, wire-service style).
HEADLINE_CASES = [
    ("Government troops shell villages in the western hills", "Shelling/artillery/missile attack"),
    ("Four dead as a shell hits a market in the old quarter", "Shelling/artillery/missile attack"),
    ("Air attacks on two towns in the north leave dozens wounded", "Air/drone strike"),
    ("Militia executes three men accused of collaborating with the army", "Attack"),
    ("Insurgents behead a village elder in the eastern province", "Attack"),
    ("Jihadists stone a woman to death in a town square", "Attack"),
    ("Rebels kill five soldiers in an ambush-free night raid on a post", "Armed clash"),
    ("Army units advance towards the rebel-held river crossing", "Armed clash"),
    ("Militants advance in the southern suburbs of the provincial capital", "Armed clash"),
    ("Seven persons were killed in the border town overnight", "Attack"),
    ("Three fighters killed in the mountains east of the capital", "Armed clash"),
    ("More casualties in the northern countryside", "Attack"),
    ("Mourners bury fighters who were killed in the valley", "Armed clash"),
    ("A village teacher tortured to death by militiamen", "Attack"),
    ("Death toll in the eastern districts rises to twenty", "Attack"),
    ("Explosion rocks the port city", "Remote explosive/landmine/IED"),
    ("Explosions shake three villages near the frontline", "Remote explosive/landmine/IED"),
    ("Casualties in the explosion in the city centre", "Remote explosive/landmine/IED"),
    ("Rebels take over the last army-held town in the valley", NON_STATE_OVERTAKES),
    ("The army takes control of three villages on the northern front", GOVERNMENT_REGAINS),
    ("Government troops expand their control in the desert region", GOVERNMENT_REGAINS),
    # Non-conflict look-alikes stay "none".
    ("Two workers were killed when a boiler exploded at a sugar factory", "none"),
    ("Five people were killed in a road accident on the coastal highway", "none"),
    ("Three people were killed in a gang dispute over a nightclub", "none"),
    ("Casualties mount as the coronavirus spreads through the province", "none"),
    ("Heatwave kills twelve in the southern provinces", "none"),
    ("New technology advances in the field of solar power", "none"),
    ("Oil major Shell reports higher quarterly profits", "none"),
    ("The charity targets rural schools with its new reading scheme", "none"),
    ("The startup takes over a rival firm in the capital", "none"),
    ("Iran's economy expands its control over inflation, the central bank says", "none"),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINE_CASES)
def test_primary_event_type_of_terse_headlines(text: str, expected: str) -> None:
    assert primary_sub_event(detect_events(_doc(text))) == expected


# Phrasings behind the rules added while measuring on our own held-out corpus (tests/data/eventtype_heldout.jsonl):
# cues hidden behind a name, protest topics, property destroyed with or without harm to people, foiled bombs,
# leadership changes of armed groups, troop withdrawals, emergency rule. Written for these tests.
GENERALISATION_CASES = [
    # a capitalised name before the cue ("Pakistani F-16 jets") does not hide the cue
    ("Pakistani F-16 jets bombed suspected hideouts in the mountains on Sunday.", "Air/drone strike"),
    ("A bomb hidden in a handcart blew up near the bus station, wounding six people.", "Remote explosive/landmine/IED"),
    (
        "Two soldiers were hurt when their truck was hit by an anti-tank missile near the front line.",
        "Shelling/artillery/missile attack",
    ),
    ("Rebels fired rockets filled with mustard agent at army trenches, officials said.", "Chemical weapon"),
    ("Toxic chemicals stored at the factory caught fire after a blast, killing three workers.", "none"),
    # what a protest is about is not what happened at it
    (
        "Hundreds of relatives marched in the capital to demand the return of villagers abducted by gunmen last month.",
        "Peaceful protest",
    ),
    (
        "Students held a vigil on the campus, days after a bombing killed twelve of their classmates.",
        "Peaceful protest",
    ),
    (
        "Traders gathered outside the governor's office to protest against new taxes, then dispersed peacefully.",
        "Peaceful protest",
    ),
    ("Police broke up a march by nurses in the city centre and detained five organisers.", "Protest with intervention"),
    ("Demonstrators ransacked the mayor's office during a protest over water shortages.", "Violent demonstration"),
    (
        "Supporters of rival candidates fought with sticks and machetes in the market town, leaving four injured.",
        "Mob violence",
    ),
    # property: burning and theft by armed men; the burning after a killing is part of the attack
    ("Militants burned down a clinic in the village overnight; no one was hurt.", "Looting/property destruction"),
    ("Armed bandits stole hundreds of cattle from herders in the district.", "Looting/property destruction"),
    ("A thief stole a goat from a farmer's yard on Tuesday.", "none"),
    ("Gunmen raided the village, killing six people and burning houses.", "Attack"),
    ("Gunmen attacked and looted shops in the market, residents said.", "Looting/property destruction"),
    # disrupted weapons use: plots foiled, bombs going off in their makers' hands
    ("Police foiled a plot to bomb a church, seizing explosives from a safe house.", "Disrupted weapons use"),
    ("Three militants died when the device they were assembling exploded prematurely.", "Disrupted weapons use"),
    ("The singer died prematurely at the age of 40, his family said.", "none"),
    # changes to groups, transfers of territory, other developments
    ("The rebel movement appointed a new commander after its leader was killed.", "Change to group/activity"),
    ("The ruling party elected a new leader at its congress on Saturday.", "none"),
    (
        "Britain completed the withdrawal of its troops from the country, the defence ministry said.",
        "Change to group/activity",
    ),
    ("Peacekeepers handed over their camp near the border to the national army.", "Non-violent transfer of territory"),
    (
        "Rebel fighters entered the town unopposed after government troops left overnight.",
        "Non-violent transfer of territory",
    ),
    ("Investigators found a mass grave near the town after it was recaptured from the militants.", "Other"),
    ("Authorities imposed a curfew on the city after a night of unrest.", "Other"),
    ("The government declared a state of emergency after floods swept through the region.", "none"),
    ("The new law allows the state to take control of private hospitals during a crisis.", "none"),
]


@pytest.mark.parametrize(("text", "expected"), GENERALISATION_CASES)
def test_primary_event_type_generalisation_rules(text: str, expected: str) -> None:
    assert primary_sub_event(detect_events(_doc(text))) == expected


# Phrasings behind the rules added in the third round (bodies found with wounds, suicide attackers told by what they
# wore or drove, bases named before their verb, headline nouns, a side moving in after a withdrawal, deals breached
# or reached, prison breaks). Written for these tests.
THIRD_ROUND_CASES = [
    ("The corpses of two herders, shot in the back, were found near a well outside Gao.", "Attack"),
    ("Police recovered a body with stab wounds and signs of torture from a canal in Karachi.", "Attack"),
    ("Headless bodies dumped near a quarry outside Tierra Caliente", "Attack"),
    ("The body of the mayor was found in his car on Monday; he had died of a heart attack.", "none"),
    ("A taxi driver was found dead with knife wounds beside his car in Tegucigalpa.", "Attack"),
    ("Execution-style killing of a family of four in Zacatecas", "Attack"),
    ("Army post overrun by jihadists near Diapaga", "Non-state actor overtakes territory"),
    ("Militia wrests back the oil field from government troops", "Non-state actor overtakes territory"),
    ("Takeover of Ansongo by the rebels after the army left", "Non-state actor overtakes territory"),
    ("Shareholders approved the takeover of the brewery by a Dutch group.", "none"),
    ("A suicide blast tore through a police academy in Quetta, killing nine cadets.", "Suicide bomb"),
    ("The assailant triggered his explosive belt as guards searched him at the gate.", "Suicide bomb"),
    ("A truck laden with explosives was rammed into the outer wall of the barracks.", "Suicide bomb"),
    ("Girl bomber kills five at a market in Borno", "Suicide bomb"),
    ("Missile hits shopping centre in Kremenchuk", "Shelling/artillery/missile attack"),
    ("A pickup carrying fighters was struck by a drone near the river crossing.", "Air/drone strike"),
    ("A bomb hidden under a bench at the bus stop went off during the morning rush.", "Remote explosive/landmine/IED"),
    (
        "A farmer lost both legs when his tractor rolled over an explosive device in the orchard.",
        ("Remote explosive/landmine/IED"),
    ),
    ("New army outpost set up on the ridge above the valley", "Headquarters or base established"),
    ("The gunmen installed a camp in the hills overlooking the highway.", "Headquarters or base established"),
    ("Fighters turned the hospital into a military barracks, doctors said.", "Headquarters or base established"),
    ("A crowd of villagers assaulted a man they accused of witchcraft.", "Mob violence"),
    ("A suspected pickpocket was beaten to death by an angry crowd at the bus park.", "Mob violence"),
    ("A water pumping station was torched by suspected militants overnight.", "Looting/property destruction"),
    ("Plundering of food stores in the camp by armed men", "Looting/property destruction"),
    ("Liberation of Kupiansk by the army brings residents back to their homes.", "Government regains territory"),
    (
        "Soldiers resumed control of the crossing point after the rebels were pushed back.",
        ("Government regains territory"),
    ),
    ("The rebels vacated the bridge checkpoint at dawn and police moved in.", "Non-violent transfer of territory"),
    ("Despite the truce agreed last week, fighting broke out again between the two militias.", "Armed clash"),
    ("A reconciliation agreement was reached between the two clans after elders mediated.", "Agreement"),
    ("Dozens of inmates escaped from the district jail after the wardens deserted their posts.", "Other"),
    ("Inmates threw stones at guards and set mattresses on fire in the district jail.", "Violent demonstration"),
    ("Prison break in Kaduna: 40 inmates escaped overnight", "Other"),
    (
        "Farmers in the valley took up arms against the bandits and formed a vigilance committee.",
        ("Change to group/activity"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), THIRD_ROUND_CASES)
def test_primary_event_type_third_round_rules(text: str, expected: str) -> None:
    assert primary_sub_event(detect_events(_doc(text))) == expected


def test_prefilter_never_drops_a_match() -> None:
    """Running only the cues whose literal prefixes occur finds exactly what running every cue finds."""
    for text, _ in PRIMARY_CASES + MORE_CASES + LEAD_CASES + THIRD_ROUND_CASES:
        active = set(active_cues(text.lower()))
        for cue in compiled_lexicon().cues:
            if cue not in active:
                assert cue.pattern.search(text) is None, (cue.label, text)


@pytest.mark.parametrize(
    ("pattern", "prefixes"),
    [
        (r"\b(?:air ?strikes?|air ?raids?)\b", ("air ", "airraid", "airstrike")),
        (r"\bsuicide (?:\w+ )?bombers?\b", ("suicide ",)),
        (r"\b(?:poison(?:ous)? gas|chlorine)\b", ("chlorine", "poison gas", "poisonous")),
        (r"\b\w+ed\b", None),
        (r"\b(?:were|was) killed\b", ("was killed", "were killed")),  # a literal branch goes on with what follows
        (r"\b(?:kill\w*|dead) people\b", ("dead", "kill")),  # ...but not past a branch that is not all literal
    ],
)
def test_literal_prefixes(pattern: str, prefixes: tuple[str, ...] | None) -> None:
    assert literal_prefixes(pattern) == prefixes


@pytest.mark.parametrize(
    "text",
    [
        "The rebels refused to surrender the town.",
        "Officials said no clashes were reported in the district.",
        "Militants could attack the base, analysts warned.",
    ],
)
def test_negated_cues_report_nothing_of_their_type(text: str) -> None:
    types = {e.sub_event_type for e in detect_events(_doc(text))}
    assert not types & {"Agreement", "Armed clash"}


def test_distinct_events_keeps_the_best_mention_of_each_type_in_rank_order() -> None:
    text = (
        "Rebels captured the town of Sora on Monday. Warplanes bombed the town on Tuesday. "
        "Rebels also captured the nearby village of Kuma."
    )
    events = detect_events(_doc(text))
    distinct = distinct_events(events)
    assert distinct[0] == events[0]
    assert len({e.sub_event_type for e in distinct}) == len(distinct)
    assert {e.sub_event_type for e in distinct} == {e.sub_event_type for e in events}


_WORDS = st.sampled_from(
    [
        "rebels",
        "army",
        "captured",
        "the",
        "town",
        "protesters",
        "police",
        "fired",
        "tear",
        "gas",
        "bomb",
        "exploded",
        "near",
        "market",
        "killed",
        "civilians",
        "Sora",
        "a",
        "of",
        ".",
        ",",
        "grenade",
        "suicide",
        "bomber",
        "airstrike",
        "arrested",
        "activists",
        "ceasefire",
        "signed",
        "withdrew",
        "from",
        "base",
        "looted",
        "shops",
        "mob",
        "lynched",
        "not",
        "refused",
        "to",
    ]
)


@settings(deadline=None, max_examples=40)
@given(st.lists(_WORDS, max_size=40))
def test_any_word_salad_gives_well_formed_mentions(words: list[str]) -> None:
    text = " ".join(words)
    events = detect_events(_doc(text))
    for event in events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.sentence.contains(event.trigger)
        assert event.sub_event_type in SUB_EVENT_NAMES
    assert [e.confidence for e in events[1:]] == sorted((e.confidence for e in events[1:]), reverse=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two acts in two clauses: both are reported, even where one kind usually swallows the other
        ("Clashes in Kelo and bombardment targets Marun", ["Armed clash", "Shelling/artillery/missile attack"]),
        ("Airstrikes hit Kelo and renewed airstrikes on Marun", ["Air/drone strike", "Air/drone strike"]),
        # one act: the attack is the grenade's; the killing is the strike's result
        ("Militants carried out a grenade attack on a police post", ["Grenade"]),
        ("Missiles struck Kelo and Marun overnight, killing three civilians", ["Shelling/artillery/missile attack"]),
    ],
)
def test_one_mention_per_act_of_a_sentence(text: str, expected: list[str]) -> None:
    found = sorted(m.sub_event_type for m in detect_events(_doc(text)))
    assert found == sorted(expected)
