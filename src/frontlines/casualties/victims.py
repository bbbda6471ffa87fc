"""Victim nouns and the casualty category of the people they name (data only).

Categories follow ``shared/eval/casualty-coding.md``: civilians (non-combatants, civilian officials, activists),
security (state security forces), perpetrators (non-state armed actors, attackers), unknown (the text does not say:
"8 people were killed" is coded with no category). Keys are lower-case singular and plural forms; a key with a
space is a two-word noun matched before its last word.
"""

from __future__ import annotations

from frontlines.model import VictimCategory


def words_of(text: str) -> tuple[str, ...]:
    """The words of a space-separated list (keeps long word lists readable)."""
    return tuple(text.split())


_SEC = VictimCategory.SECURITY
_PERP = VictimCategory.PERPETRATORS
_CIV = VictimCategory.CIVILIANS
_UNK = VictimCategory.UNKNOWN

VICTIM_NOUNS: dict[str, VictimCategory] = {
    # state security forces: police, army, paramilitary and their ranks
    **dict.fromkeys(
        words_of(
            "policeman policemen police policewoman cop cops constable constables jawan jawans soldier soldiers"
            " trooper troopers troops personnel personal officer officers commando commandos guard guards"
            " guardsman ranger rangers sepoy sepoys havildar havildars naik lance-naik subedar inspector"
            " inspectors sub-inspector si asi dsp sho sp ssp spo spos sf sfs serviceman servicemen paramilitary"
            " paramilitaries marine marines airman airmen sailor sailors warder warders jailor jailer gunner"
            " gunners rifleman riflemen major captain lieutenant colonel brigadier sergeant corporal private"
            " privates army-man armyman army-men armymen levies levy khasadar khasadars frontier-corps fc bsf crpf"
            " home-guard homeguard homeguards gendarme gendarmes security-man security-men patrolman"
            " patrolmen peacekeeper peacekeepers recruit recruits cadet cadets sentry sentries conscript conscripts"
            " constabulary guardsmen legionnaire legionnaires"
        ),
        _SEC,
    ),
    # non-state armed actors and attackers (the dead among them are perpetrators)
    **dict.fromkeys(
        words_of(
            "militant militants terrorist terrorists insurgent insurgents rebel rebels maoist maoists naxal"
            " naxals naxalite naxalites cadre cadres extremist extremists gunman gunmen attacker attackers"
            " assailant assailants bomber bombers fighter fighters jihadist jihadists jihadi jihadis ultra ultras"
            " guerrilla guerrillas guerilla guerillas separatist separatists miscreant miscreants dacoit dacoits"
            " commander commanders operative operatives infiltrator infiltrators abductor abductors kidnapper"
            " kidnappers mujahideen mujahid taliban talibans islamist islamists radical radicals intruder intruders"
            " hardcore hardliner hardliners suicide-bomber suicide-bombers suspect suspects"
            # armed criminals: the coding rules count them with the non-state perpetrators
            " bandit bandits killer killers gangster gangsters criminal criminals robber robbers outlaw outlaws"
            " raider raiders accomplice accomplices hitman hitmen sicario sicarios accused trafficker traffickers"
            " smuggler smugglers pirate pirates"
            # militiamen: non-state unless a modifier places them with the state (MODIFIER_CATEGORY)
            " militiaman militiamen"
        ),
        _PERP,
    ),
    # non-combatants: civilians, workers, family members, civilian officials and politicians
    **dict.fromkeys(
        words_of(
            "civilian civilians schoolteacher schoolteachers villager villagers child children kid kids woman"
            " women girl girls boy boys minor minors infant infants baby babies student students teacher teachers"
            " worker workers labourer labourers laborer laborers driver drivers passenger passengers trader"
            " traders shopkeeper shopkeepers vendor vendors farmer farmers businessman businessmen contractor"
            " contractors engineer engineers journalist journalists reporter reporters activist activists leader"
            " leaders politician politicians councillor councillors sarpanch mukhiya headman headmen chief chiefs"
            " elder elders cleric clerics priest priests imam imams pilgrim pilgrims worshipper worshippers"
            " devotee devotees tourist tourists doctor doctors nurse nurses employee employees official officials"
            " staff wife husband son sons daughter daughters brother brothers father mother sister sisters"
            " relative relatives informer informers passer-by passerby passersby passers-by bystander bystanders"
            " resident residents local locals tribesman tribesmen tribal tribals youth youths refugee refugees"
            " protester protesters demonstrator demonstrators mourner mourners voter voters candidate candidates"
            " mla mlas mp mps tribe-member helper helpers transporter transporters guest guests pilot pilots"
            " foreigner foreigners homeopath lawyer lawyers judge judges mayor shepherd shepherds herder herders"
            " fisherman fishermen porter porters cook cooks salesman traveller travellers commuter commuters"
            " manager managers owner owners supporter supporters operator operators guide guides labour"
            # relatives
            " cousin cousins nephew nephews niece nieces uncle uncles aunt aunts grandson grandsons granddaughter"
            " granddaughters grandfather grandmother grandchild grandchildren"
            # trades and professions
            " prosecutor prosecutors magistrate magistrates clerk clerks tehsildar principal headmaster lecturer"
            " lecturers professor professors scholar scholars surgeon surgeons pharmacist pharmacists paramedic"
            " paramedics vaccinator vaccinators technician technicians mechanic mechanics electrician electricians"
            " carpenter carpenters tailor tailors barber barbers jeweller jewellers goldsmith photographer"
            " photographers cameraman cameramen blogger bloggers singer singers artist artists hawker hawkers"
            " miner miners herdsman herdsmen nomad nomads peasant peasants landlord landlords landowner landowners"
            " cultivator cultivators interpreter interpreters translator translators nationals visitor"
            " visitors"
            # civilian officials and office holders
            " president presidents chairman chairmen chairperson secretary secretaries minister ministers"
            " legislator legislators lawmaker lawmakers senator senators governor corporator corporators"
            " panch pradhan"
            # people going about their lives
            " pupil pupils schoolboy schoolboys schoolgirl schoolgirls schoolchildren teenager teenagers teen teens"
            " toddler toddlers newborn motorist motorists motorcyclist motorcyclists pedestrian pedestrians shopper"
            " shoppers customer customers spectator spectators onlooker onlookers picnicker picnickers"
            # religious and ethnic communities named as victims ("four Shias", "two Hazaras")
            " shia shias shiite shiites sunni sunnis hindu hindus muslim muslims christian christians sikh sikhs"
            " ahmadi ahmadis hazara hazaras pandit pandits yazidi yazidis"
        ),
        _CIV,
    ),
    # people the text does not place on any side
    **dict.fromkeys(
        words_of(
            "people person persons individual individuals man men other others body bodies victim victims member"
            " members deceased dead injured wounded casualty martyr martyrs prisoner prisoners hostage hostages"
            " inmate inmates couple duo trio one ones them volunteer volunteers companion companions colleague"
            " colleagues associate associates assistant assistants aide aides comrade comrades vigilante vigilantes"
            " bodyguard bodyguards combatant combatants"
            " head heads"
        ),
        _UNK,
    ),
}

# Words in front of a generic noun that place its people: "local people", "security men", "armed men".
MODIFIER_CATEGORY: dict[str, VictimCategory] = {
    # civilians
    **dict.fromkeys(["civilian", "innocent", "unarmed", "local", "ordinary", "common", "village", "elderly"], _CIV),
    **dict.fromkeys(["staff", "family", "church", "school", "hospital"], _CIV),
    # state forces, and militias fighting on the state's side ("a CAFGU militiaman", "pro-government militia")
    **dict.fromkeys(["security", "police", "army", "military", "paramilitary", "forces"], _SEC),
    **dict.fromkeys(["pro-government", "government-backed", "state-backed", "cafgu", "pro-state"], _SEC),
    # armed non-state actors
    **dict.fromkeys(["armed", "militant", "terrorist", "rebel", "masked"], _PERP),
}

# Generic nouns that a modifier may place (see MODIFIER_CATEGORY); other nouns keep their own category.
GENERIC_NOUNS = frozenset(
    words_of(
        "people person persons individual individuals man men member members official officials officer officers"
        " head heads militiaman militiamen"
    )
)

# Ranks within a group, whose side is the group's: in "29 Maoists, including a senior leader" the leader is a
# Maoist, though "a leader" alone is coded as a civilian (a political leader).
ROLE_NOUNS = frozenset(words_of("leader leaders commander commanders chief chiefs head heads deputy member members"))

# Nouns that restate a person already named ("X, a resident of Y"): an apposition, not another victim.
RELATIONAL_NOUNS = frozenset(
    words_of("resident residents native natives son daughter brother sister wife husband father mother relative")
)

# Group nouns standing for a known number of people: "the couple were killed" -> 2.
GROUP_SIZE: dict[str, int] = {"couple": 2, "duo": 2, "pair": 2, "trio": 3, "twins": 2}

# Words that never head a victim noun phrase although they may follow a number ("5 years", "20 vehicles").
NON_PERSON_UNITS = frozenset(
    words_of(
        "year years yr yrs month months week weeks day days hour hours minute minutes second seconds am pm km kms"
        " kilometre kilometres kilometer kilometers metre metres meter meters mile miles feet foot kg kgs kilogram"
        " kilograms rounds round rupees rs inr usd dollars percent per cent times vehicles vehicle houses house"
        " buildings building shops shop trucks truck cars car villages village weapons rifles guns grenades bombs"
        " bullets magazines tonnes tons o'clock kilos"
    )
)

# Month names: a number next to one is a date ("June 15", "15 June").
MONTHS = frozenset(
    words_of(
        "january february march april may june july august september october november december jan feb mar apr"
        " jun jul aug sep sept oct nov dec"
    )
)

# Capitalised words that are never a victim's name: "killed Wednesday", "shot dead March 3".
MONTH_AND_DAY_NAMES = frozenset(
    words_of(
        "January February March April May June July August September October November December Monday Tuesday"
        " Wednesday Thursday Friday Saturday Sunday Today Yesterday Tonight Last Earlier Later"
    )
)
