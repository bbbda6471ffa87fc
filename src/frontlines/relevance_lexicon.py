"""Words that make a text worth parsing for conflict events (the relevance gate). Broad on purpose: the gate must
let through every report of political violence, demonstrations and strategic developments, and only spare the
parser pages about hotels, recipes and football. Each group is one alternation of regex word stems."""

RELEVANCE_GROUPS = {
    # death and injury
    "harm": r"kill\w*|dead|deaths?|died|dies|martyr\w*|wound\w*|injur\w*|casualt\w*|bod(?:y|ies)|massacr\w*|"
    r"murder\w*|execut(?:ed|ion)\w*|behead\w*|assassinat\w*|shot|shoot\w*|gunfire|gun(?:man|men)|lynch\w*|"
    r"tortur\w*|rape[ds]?|violen\w*|execut\w*|ston(?:ing|ed)\s+to\s+death|stoning|loss(?:es)?\s+of\s+life|"
    r"human\s+losses|corpses?|gunshot\s+wounds?",
    # attacks and weapons
    "attack": r"attack\w*|assault\w*|raid\w*|ambush\w*|clash\w*|fighting|fighters?|battl\w*|offensive|"
    r"shell(?:ed|ing|s)|artillery|mortars?|rockets?|missiles?|bomb\w*|blasts?|explo(?:sion|sive|ded)\w*|IEDs?|"
    r"grenades?|air\s?strikes?|air\s?raids?|drones?|snipers?|landmines?|mines?|suicid\w*|weapons?|arms\s+cache|"
    r"besieg\w*|siege|shot\s+down|thwart\w*|defus\w*|intercept\w*|operations?|rifles?|pistols?|firearms|"
    r"ammunition",
    # armed actors
    "armed": r"militan\w*|rebels?|insurgen\w*|jihad\w*|terror\w*|troops|soldiers?|army|armed|military|police\w*|"
    r"cops?|forces|militia\w*|guerr?illa\w*|maoists?|naxal\w*|taliban|isis|isil|daesh|qaeda|shabaab|boko|"
    r"hezbollah|hamas|houthis?|gendarm\w*|paramilitar\w*|regime",
    # demonstrations and unrest
    "protest": r"protest\w*|demonstrat\w*|rall(?:y|ies|ied)|vigils?|die-ins?|marche[ds]|riot\w*|tear\s?gas|unrest|"
    r"strikers|sit-ins?|agitat\w*|mobs?|gathered\s+(?:peacefully\s+)?(?:outside|in\s+front\s+of)",
    # arrests, abductions and disappearances, territory, agreements and exchanges of prisoners
    "strategic": r"arrest\w*|detain\w*|abduct\w*|kidnap\w*|hostages?|captur\w*|seiz\w*|ceasefire|truce|"
    r"peace\s+(?:deal|agreement|talks|accord)|surrender\w*|withdr[ae]w\w*|retreat\w*|recaptur\w*|overr[au]n|"
    r"looted|looting|torched|set\s+ablaze|set\s+(?:on\s+)?fire|burn(?:ed|t)\s+down|curfew|state\s+of\s+emergency|"
    r"martial\s+law|graves?|disappear\w*|missing|(?:prisoners?|detainees?|captives?)(?:\s+of\s+war)?|"
    r"swap\w*|hand(?:ed|ing)?\s*over|custody|whereabouts|regain\w*|retak\w*|liberat\w*|coups?|mutin\w*|"
    r"(?:prison|jail)\s*breaks?|inmates|(?:shut\s+down|cut|cut\s+off|suspend\w*|block\w*)\s+(?:\w+\s+){0,2}internet|"
    r"internet\s+(?:shutdowns?|blackouts?|cuts?)",
    # property destroyed without a fight
    "property": r"destr(?:oy|oyed|oying|uction)|demoli\w*|vandal\w*|(?:blew|blown|blowing)\s+up|dynamit\w*|"
    r"ransack\w*|razed|arson\w*",
}
