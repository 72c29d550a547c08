"""A rule-based safety net for messages about suicide, self-harm, abuse or nowhere to sleep.

The dialogue model has a ``crisis`` intent too, but a model can be unsure; these patterns do not
depend on its confidence. They are deliberately broad: answering a resident who is fine with
emergency numbers costs far less than missing one who is not. They avoid the everyday phrases
that only sound alarming ("killing it at work", "dying to start"). The common phrases of the
other languages residents most often write (Polish, Romanian, Urdu, Punjabi and Hindi in English
letters, Arabic, Spanish, Portuguese, French) are caught too. Measured against a labelled set
(tests/fixtures/safeguarding.yml; docs/benchmarks.md, "Safeguarding").
"""

from __future__ import annotations

import re

# Medicines residents name, by kind or by name (the common prescriptions).
_MEDS = (
    r"(pills|tablets|paracetamol|painkillers|meds|medication|medicine|medicines|prescription|"
    r"antidepressants?|anti-?depressants?|sleeping\s+tablets|sertraline|citalopram|fluoxetine|"
    r"mirtazapine|amitriptyline|diazepam|zopiclone|codeine|co-?codamol|tramadol|ibuprofen|"
    r"insulin|lithium|quetiapine|olanzapine|pregabalin|gabapentin|propranolol)"
)
# "a load of tablets", "all my pills": taken, an overdose; to take, thoughts of suicide.
_MANY_PILLS = (
    r"(a\s+load\s+of|loads\s+of|lots\s+of|a\s+lot\s+of|all\s+(my|of\s+my|the|me|of\s+the)|"
    r"too\s+many|too\s+much(\s+of)?|a\s+bunch\s+of|(the|my)\s+(whole|entire)|double|"
    r"a\s+(whole\s+|full\s+)?(bottle|packet|box|strip|pack|month'?s?)\s+(of|worth\s+of))\s+"
    r"(sleeping\s+|my\s+|the\s+|of\s+my\s+)?(\w+'?s\s+)?" + _MEDS
)
# Who at home can hurt someone.
_FAMILY = (
    r"(he|she|partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|ex|fiance|fianc[ée]e|dad|"
    r"mum|mom|father|mother|stepdad|stepmum|brother|sister|son|daughter|uncle|aunt|auntie|"
    r"cousin|grandad|grandma|in-?laws?|carer|fella)"
)
# Each kind of danger has its own patterns and its own answer (actions/safety.py).
_KINDS: dict[str, list[str]] = {
    # Tablets already taken: a medical emergency before anything else.
    "overdose": [
        r"\boverdosed\b|\b(took|taken|had|done)\s+an\s+overdose\b|\bod'?d\b",
        rf"\b(took|taken|swallowed|had)\s+{_MANY_PILLS}",
        r"\b(i'?ve|i\s+have|just)\s+(taken|took|swallowed)\s+(some\s+)?(pills|tablets)\s*[.!]*$",
        r"\b(took|taken|swallowed|had)\s+\d{2,}\s+(pills|tablets|paracetamol|painkillers|"
        r"co-?codamol|ibuprofen|sleeping\s+pills)",
        r"\b(drank|drunk|swallowed|took|taken|had)\s+(some\s+)?(bleach|poison|antifreeze|weedkiller)\b",
        # "swallowed like 30 paracetamol", "took 40 of my quetiapine", "a big handful of pills"
        r"\b(took|taken|take|swallowed|swallow|ate|eaten|had|necked|downed|popped)\s+(like\s+|about\s+|"
        r"around\s+|over\s+)?(\d{2,}|a\s+(big\s+|whole\s+)?handful|handfuls|a\s+(whole\s+)?strip|the\s+"
        r"whole\s+(box|packet|strip|bottle))\s+(of\s+)?(my\s+|the\s+)?" + _MEDS,
        r"\b(took|taken|swallowed|ate|had|necked|downed)\b.{0,40}\b(to\s+make\s+(it|everything)\s+"
        r"(all\s+)?stop|so\s+i\s+(don'?t|dont|won'?t|wont)\s+wake\s+up|to\s+not\s+wake\s+up)\b",
        rf"\bhow\s+many\s+{_MEDS}\s+(would|does|will|do)\s+(it\s+)?(take|kill|need)\b",
        rf"{_MEDS}\b.{{0,40}}\b(take|taking|swallow)\s+(them|it)\s+all\b",
        r"\btomei\s+(todos\s+os\s+)?(meus\s+)?(comprimidos|rem[eé]dios)\b|\btom[eé]\s+(todas\s+)?(mis\s+)?"
        r"pastillas\b|\bpris\s+tou(s|tes)\s+(mes\s+)?(m[ée]dicaments|cachets|comprim[ée]s)\b",
        r"\b(injected|took|taken|had)\s+(extra|too\s+much|loads\s+of|all\s+my|double\s+my)\s+insulin\b",
        r"\bam\s+luat\s+toate\s+(pastilele|medicamentele|pilulele)\b",
        rf"\b(necked|downed|took|swallowed|had|drank)\b.{{0,40}}\b(vodka|whisky|whiskey|wine|alcohol|gin|"
        rf"booze|cider|rum)\b.{{0,20}}\b(and|with|plus)\b.{{0,25}}{_MEDS}",
        # "necked my meds with vodka", "pills and a bottle of wine"
        rf"\b(took|taken|swallowed|necked|downed|had)\b.{{0,30}}{_MEDS}\b.{{0,20}}\b(with|and)\s+"
        r"(vodka|alcohol|drink|wine|whisky|gin|cider|beer|booze)",
    ],
    "suicide": [
        # suicide, suicidal ("sucide" typed fast is caught below); not a job in prevention
        r"\bsu[i1]c[i1]d(?!e\s+(prevention|awareness|bereavement))",
        r"\bsucid",
        r"\bkill(ing)?\s+my\s*self\b",
        r"\bkms\b",
        r"\bend(ing)?\s+(it\s+all|my\s+life|things)\b",
        r"\b(want|wanna|going)\s+(to\s+)?die\b(?!\s+(my|your|his|her|the|our)\s+(hair|clothes|"
        r"t-?shirts?|shirts?|jeans|fabric|wool|roots))",
        r"\bdon'?t\s+want\s+to\s+(live|be\s+alive|be\s+here\s+anymore|wake\s+up)\b",
        r"\bno\s+(reason|point)\s+(to|in)\s+(live|living|go(ing)?\s+on)\b",
        r"\bbetter\s+off\s+dead\b",
        r"\btake\s+my\s+(own\s+)?life\b",
        r"\boverdose\b|\bod'?d\b",
        rf"\b(take|taking)\s+{_MANY_PILLS}",
        r"\b(don'?t|dont|do\s+not|can'?t|cant|cannot)\s+see\s+(the|any)\s+point\s+(in|of)\s+"
        r"(living|life|going\s+on|being\s+here|carrying\s+on)",
        r"\b(no\s*one|nobody)\s+(would|will)\s+miss\s+me\b",
        r"\blife\s+(is\s*n'?t|is\s+not|not)\s+worth\s+living\b",
        # Only at the end of a message: "I can't go on the course" and "jump at the chance".
        r"\bcan'?t\s+go\s+on(\s+like\s+this)?(\s+any\s*more|\s+living)?\s*[.!]*$",
        r"\bwhat'?s\s+the\s+point\s+(in|of)\s+(living|life|going\s+on(?!\s+(a|an|the|to|with)\b)|"
        r"being\s+alive|me|myself|it\s+all|existing)\b(?!\s+(applying|trying|going|doing|getting|"
        r"bothering|learning|studying|working|taking|sending))",
        r"\b(going|want|wanna)\s+to\s+jump(\s+off\b.*)?[.!]*$",
        r"\bend(ing)?\s+everything\s*[.!]*$",
        r"\b(had|have|had\s+just\s+about)\s+enough\s+of\s+(life|living|being\s+alive|it\s+all)\b",
        r"\bwant\s+to\s+disappear\s+(forever|for\s+good|and\s+never)",
        r"\b(giving|give|given)\s+up\s+on\s+(everything|life|living|it\s+all)\b",
        r"\bwant\s+(it|everything|it\s+all)\s+to\s+(stop|end)\s*[.!]*$",
        r"\b(don'?t|do\s+not)\s+want\s+to\s+(carry|go)\s+on(\s+any\s*more)?\s*[.!]*$",
        r"\bcan'?t\s+carry\s+on(\s+like\s+this)?(\s+any\s*more|\s+living)?\s*[.!]*$",
        r"\b(everyone|everybody|they|my\s+family|my\s+kids)\s+(would\s+be|'?d\s+be|are|is)\s+better"
        r"\s+(off\s+)?without\s+me\b",
        # "everyone be better off without me", "the world would be better without me" (not
        # "the shop is better off without me, i was rubbish at tills")
        r"\b(everyone|everybody|every\s*1|they|people|the\s+world|we|the\s+kids|my\s+(family|"
        r"kids|children|mum|mom|dad|partner|wife|husband|son|daughter|friends|girlfriend|"
        r"boyfriend))\b[^.!?]{0,20}\bbetter\s+(off\s+)?without\s+me\b",
        r"\bbetter\s+off\s+not\s+(waking\s+up|being\s+(here|alive|around)|existing|living)\b",
        # "whats the point of anything anymore", "no point living anymore"
        r"\bwhat'?s\s+the\s+point\s+(of|in)\s+anything(\s+any\s*more)?\s*([.!?,]|$)",
        # "no point living anymore" (not "no point living in this town, there are no jobs")
        r"\bno\s+(reason|point)\s+(living|going\s+on|being\s+alive)(\s+(any\s*more|like\s+"
        r"this))?\s*([.!?,]|$)",
        r"\b(sleep|go\s+to\s+sleep)\s+and\s+(never|not)\s+wake\s+up\b",
        r"\bways\s+to\s+(die|kill\s+(my\s*self|yourself))\b|\bhow\s+to\s+(kill\s+(my\s*self|yourself)|"
        r"end\s+it\s+all|die\s+painlessly)\b",
        r"\b(goodbye|suicide|farewell)\s+(note|letter)\b",
        r"\b(pills|tablets)\s+(saved|stockpiled|hidden|ready)\b|\b(saving|stockpiling)\s+(up\s+)?"
        r"(pills|tablets)\b",
        r"\bhang(ing)?\s+my\s*self\b|\bnoose\b",
        r"\b(don'?t|do\s+not)\s+want\s+to\s+exist\b|\bwish\s+i\s+(was|were)\s+(dead|never\s+born|"
        r"n'?t\s+(alive|born|here))\b",
        r"\bwant\s+out\s+of\s+(life|this\s+life|it\s+all)\b",
        r"\b(going\s+to|gonna|want\s+to|wanna|plan\s+to|a\s+plan\s+to|ready\s+to|will|i'?ll)\s+"
        r"end\s+(it|it\s+all|myself)\b(?!\s+(by|before|on|this|next|in|at|for|off|with))",
        r"\bfinish\s+(it|myself)\s+(tonight|for\s+good|once\s+and\s+for\s+all)\b|\btonight\b.{0,20}"
        r"\bfinish\s+it\s*[.!]*$",
        r"\b(easiest|quickest|best|painless|fastest)\s+way\s+to\s+(die|kill\s+(my\s*self|yourself))\b",
        r"\bburden\s+(to|on)\s+(everyone|everybody|my\s+family|them\s+all|people)\b",
        r"\bno\s+way\s+out(\s+for\s+me)?\s*[.!]*$",
        r"\b(stop|quit)\s+existing\b|\bsleep\s+forever\b|\bnot\s+be\s+here\s+any\s*more\s*[.!]*$",
        # Indirect: easier without them, a plan decided, a place or a means, pain to end forever.
        r"\b(easier|better)\b.{0,30}\bif\s+i\s+(was\s*n'?t|was\s+not|were\s*n'?t|were\s+not|"
        r"wasnt|werent)\s+(around|here|alive|born)\b",
        r"\bif\s+i\s+(was\s*n'?t|wasnt|were\s*n'?t|werent)\s+(here|around|alive)\s+any\s*more\b",
        r"\b(decided|planned|worked\s+out)\s+(how|when|where)\s+(i'?m|i\s+am|im|i'?ll|i\s+will)\s+"
        r"(going\s+to\s+|gonna\s+)?(do|end)\s+it\b",
        r"\b(standing|stood|stand|sitting|sat|sit)\s+(on|at|by)\s+the\s+edge\s+of\s+(the\s+|a\s+)?"
        r"(platform|bridge|roof|cliff|building|tracks)\b",
        r"\b(bought|got|buy|ordered|found)\s+(a\s+|some\s+)?rope\s*[.!]*$",
        r"\bwant\s+(the\s+)?(pain|it|this|everything|all\s+this)\s+to\s+(end|stop)\s+(forever|for\s+good|"
        r"permanently)\b",
        r"\b(no\s*one|nobody|noone|none\s+of\s+them)\s+(cares|would\s+care|will\s+care|care)\s+(if|whether)"
        r"\s+i\s+(live|die|lived|died|was\s+gone|disappeared)\b",
        # "won't be around much longer"; not "won't be around next week" (a holiday, a shift)
        r"\b(won'?t|will\s+not|wont)\s+be\s+(around|here)\s+(much\s+longer|for\s+(much\s+)?long(er)?|"
        r"any\s*more)\b(?!\s+(after|from|until|till|by|in|on|next|this|when))|"
        r"\b(won'?t|wont|will\s+not)\s+be\s+needing\s+(it|this|them|any\s+of\s+it)\b.{0,40}"
        r"\b(won'?t|wont|will\s+not)\s+be\s+(around|here)\b",
        r"\b(tired|sick)\s+of\s+(living|being\s+alive|life|existing)\b(?!\s+(with|in|at|on|here|there|"
        r"like|off|out\s+of|from|under))",
        r"\b(written|wrote|writing|left)\s+(a\s+)?(letters?|notes?)\s+(for|to)\s+(my\s+)?(kids|children|"
        r"family|mum|mom|dad|partner|wife|husband|everyone|son|daughter)\b",
        r"\b(no\s*one|nobody|noone)\s+(would|will|'?d)\s+(even\s+)?(notice|care|miss\s+me)\b.{0,25}\bif\s+"
        r"i\s+(was|were|am|died)\b",
        r"\b(won'?t|wont|will\s+not|not\s+going\s+to)\s+be\s+alive\b",
        r"\b(plan\w*|thinking|decided|thought|worked\s+out)\s+(about\s+|out\s+)?(how|when|where)\s+to\s+"
        r"(end\s+(it|my\s+life)|do\s+it|kill\s+my\s*self|die)\b",
        r"\b(nebenoriu|nenoriu)\s+(daugiau\s+)?gyventi\b",
        r"\btonight\s+(is|'?s)\s+the\s+night\b|\b(after|when|once)\s+(i'?m|im|i\s+am)\s+(gone|dead)\b",
        r"\b(step\w*|jump\w*|walk\w*|throw\w*\s+my\s*self|lie|lying)\s+(out\s+)?in\s+front\s+of\s+(a|the)\s+"
        r"(train|bus|lorry|car|truck|tube)\b",
        r"\bmy\s+last\s+(message|text|post|words)\s+(to\s+(anyone|anybody|you\s+all|everyone)|ever)\b",
        r"\bhose\b.{0,40}\bexhaust\b|\bexhaust\b.{0,40}\bhose\b|\bhose\s+(is\s+)?(already\s+)?(sorted|"
        r"ready|attached|fitted|taped)\b",
        r"\b(looking|staring|stood|standing|going|went)\s+(at|to|on)\s+the\s+(bridge|cliff|railway|tracks|"
        r"roof)\b.{0,60}\b(tonight|every\s+day|jump|the\s+night)\b",
        r"\b(sleep|go\s+to\s+sleep)\s+forever\b",
        # Self-harm (not a support worker's "people who self harm").
        r"(?<!who )\bself[\s-]?harm",
        r"\b(hurt|hurting|cut|cutting|cuttin|harm|harming|burn|burning)\s+my\s*sel[fv]e?s?\b",
        r"\b(wrists?|arms?|legs?)\s+(are\s+|is\s+)?(bleeding|cut\s+up)\b|\bcut\s+(too\s+deep|"
        r"my\s+(wrists?|arms?|legs?|thighs?))\b",
        r"\b(scratch\w*|hit\w*|punch\w*|bang\w*|bit\w*|burn\w*)\s+(my\s+)?(arms?|legs?|head|skin|"
        r"myself)\b.{0,25}\b(bleed\w*|blood|bruise\w*)",
        # Their own arms or legs, as a habit, or with what they use ("burnt my arm on the oven"
        # is an accident: one arm, in the past, no blade).
        r"\b(burn|burns|burning|cut|cuts|cutting|slash\w*|scratch|scratches|scratching|carv\w*)\s+"
        r"(into\s+)?my\s+(arms|legs|wrists|thighs|skin|stomach|body)\b",
        r"\b(burn\w*|cut\w*|slash\w*|scratch\w*|hurt\w*|carv\w*)\s+(into\s+)?my\s*(self|arms?|legs?|"
        r"wrists?|thighs?|skin|stomach)\s+with\s+"
        r"(a\s+|the\s+|my\s+)?(lighter|blade|razor|knife|cigarette|scissors|compass|glass)\b",
        r"\b(started|been|keep|kept|back\s+to)\s+(cutting|harming)\s+(again|myself)\b|"
        r"\b(started|been|keep|kept|back\s+to)\s+(burning|hurting)\s+myself\b",
        # "sh" for self-harm: "been sh again", "6 months clean from sh", "urge to sh"
        r"\b(been|started|relapsed?|doing|did|urges?\s+to|want\s+to|clean\s+from|free\s+from)\s+"
        r"(sh|s/h)\b|\bsh\s+again\b",
        r"\bcuts?\b.{0,25}\b(i\s+did\s+(myself|to\s+myself)|did\s+myself|self[\s-]inflicted)\b",
        r"(\b(i|i'?ve|ive|i\s+have)\s+|^\W*)(burn\w*|cut\w*|hurt\w*|hit\w*|scald\w*|punch\w*|"
        r"(put|poured)\s+boiling\s+water)\b.{0,40}\bon\s+purpose\b"
        r"(?!.{0,20}\b(to\s+(test|check|see)|accident))",
        r"\b(feel\s+like|want\s+to|wanna|urge\s+to|tempted\s+to|gonna|going\s+to)\s+(cut|cutting|"
        r"self[\s-]?harm|sh|hurt(ing)?\s+my\s*self|burn(ing)?\s+my\s*self)\b(?!\s+(my|your|the|his|"
        r"her|our|down|back|costs|hours|losses|ties|hair|corners))",
        r"\b(cutting|cut|harming|hurting|burning)\s+(him|her|them)sel(f|ves)\b",
        r"\bme\s+corto\s+(los\s+brazos|las\s+piernas|las\s+mu[ñn]ecas)\b",
        r"\bcut\s+too\s+deep\b|\b(went|gone)\s+too\s+deep\s+(this\s+time|again)\b|\b(cuts?|wrists?|arms?|legs?)\b.{0,25}\b(won'?t|wont|will\s+not|"
        r"can'?t|cant)\s+stop\s+bleeding\b",
        # In the other languages residents most often write (see the module's docstring).
        r"\bchc[eę]\s+umrze[cć]|\bzabij[eę]\s+si[eę]\b|\bsamob[oó]j",
        r"\bsi[eę]\s+zabi[cć]\b|\bnie\s+chc[eę]\s+(ju[zż]\s+)?[zż]y[cć]\b",
        r"\b(bidi|badi|biddi|abi|abgha|areed|ureed)\s+a?moo?t\b",
        r"\bjaan\s+(lena|le\s+lun|dena|de\s+dun)\b|\bkhud\s+ko\s+(maar|khatam)",
        r"\bno\s+quiero\s+(vivir|seguir\s+viviendo)\b|\bn[aã]o\s+quero\s+(mais\s+)?viver\b",
        r"\bvreau\s+s[aă]\s+mor\b|\bsinucid",
        r"\bmarna\s+chah(ta|ti|tay)\b|\bkhud\s*kushi\b",
        r"[أا]ريد\s+[أا]ن\s+[أا]موت|[أا]نتحر|انتحار",
        r"\bquiero\s+morir|\bme\s+quiero\s+matar\b|\bsuicidarme\b",
        r"\bquero\s+(morrer|me\s+matar)\b|\bje\s+veux\s+mourir\b",
        r"\bs[aă]\s+m[aă]\s+(omor|sinucid)|\bnu\s+mai\s+vreau\s+s[aă]\s+tr[aă]iesc\b",
        r"\bmar(na|\s+jana|\s+jaun|\s+jaaun)\s+(hai|h|chahta|chahti|chahunga|chahungi)\b|"
        r"\bjee?na\s+(nahi|nahin|nai)\s+(chahta|chahti|hai)\b|\bmar\s+jana\s+chah",
        r"\ben\s+finir\b|\bme\s+(tuer|suicider)\b|\bquitarme\s+la\s+vida\b|"
        r"\bacabar\s+com\s+(a\s+minha\s+vida|tudo)\b",
        r"\bnoriu\s+mirti\b|\bnusi[zž]udyti\b|[öo]lmek\s+istiyorum\b|\bintihar\b|"
        r"\bis\s+dil(ayaa|o)\b|\binaan\s+dhinto\b",
        r"\bsko[nń]czy[cć]\s+ze\s+sob[aą]\b|\bchc[eę]\s+si[eę]\s+zabi[cć]\b",
    ],
    "abuse": [
        rf"\b{_FAMILY}\s+(always\s+|keeps\s+|still\s+|sometimes\s+)?(hits|beats|hurts|kicks|punches|"
        r"slaps|abuses|rapes|chokes|strangles)\s+me\b",
        r"\bthreaten\w*\s+(to\s+)?(take|keep|hurt|harm)\s+(away\s+)?(the|my|our)\s+(kids|children|"
        r"baby|son|daughter|kid)\b",
        r"\bnot\s+allowed\s+(to\s+)?(go\s+)?(out|outside|leave(\s+the\s+(house|flat|home))?|see\s+"
        r"(anyone|my\s+friends|my\s+family))\b.{0,25}\b(without|unless)\s+(him|her|them|my\s+"
        r"(husband|partner|wife|boyfriend|girlfriend|family|in-?laws))\b",
        r"\bthreaten\w*\s+to\s+(burn|kill|hurt|stab|shoot|attack|beat)\b(?!.{0,20}\b(my\s+)?(cv|"
        r"application|chances))",
        rf"\b{_FAMILY}\s+(controls?|takes?|keeps?)\s+(all\s+)?((the|my|our)\s+(money|wages|bank\s+cards?|"
        r"benefits)|(my|our)\s+phone)\b(?!\s*calls?)",
        r"\b(not\s+allowed|can'?t|cannot|cant)\b.{0,40}\bwithout\s+(his|her)\s+(permission|say\s*so)\b",
        r"\bhiding\s+(in|from)\b.{0,40}\b(smash\w*|shout\w*|hitting|drunk|angry|violent|find\s+me)\b|"
        r"\b(he'?s|she'?s|hes|shes)\s+(smashing|breaking|throwing)\s+(stuff|things|the\s+house|plates)\b",
        rf"\bbruises?\b.{{0,40}}\b(from|by)\s+(my\s+)?{_FAMILY}\b",
        r"\bwuu\s+i\s+(garaacaa|garaaca|dilaa)\b|\bi\s+garaac",
        r"\bnever\s+see\s+(the|my|our)\s+(kids|children|baby|son|daughter)\s+again\b",
        r"\b(mari|copain|compagnon|p[eè]re|conjoint)\s+me\s+(frappe|bat)\b|\bpeur\s+de\s+rentrer\b",
        rf"\b{_FAMILY}\s+(forces|forced|makes|made|pressures|pressured)\s+me\s+(to\s+)?(have\s+sex|"
        r"sleep\s+with|do\s+(sexual|sex)\s+(things|stuff))",
        r"\b(he|she|they|partner|husband|wife|boyfriend|girlfriend|dad|mum|father|mother)\s+"
        r"(hits|hit|beats|beat|hurts|abuses|abused|threatens|threatened)\s+me\b",
        r"\bdomestic\s+(abuse|violence)\b(?!\s+(charity|charities|service|services|support|worker|"
        r"workers|officer|training|course|awareness|sector|organisation|team|champion))",
        r"\b(he|she|they|partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|dad|mum|stepdad)\b"
        r".{0,30}\b(kill|hurt|beat|batter|stab)\s+me\b",
        r"\b(being|been|am|was|got)\s+(abused|assaulted|raped|sexually\s+assaulted)\b",
        r"\bafraid\s+to\s+go\s+home\b",
        r"\b(i'?m|i\s+am|im)\s+in\s+danger\b(?!\s+of\s+(missing|failing|being\s+late|"
        r"losing\s+(my|the)\s+(job|place|course|benefits)))",
        r"\b(beaten|battered|attacked)\s+(up\s+)?at\s+home\b",
        r"\b(being|been|getting|get)\s+(hit|beaten|hurt|kicked|punched)\s+(at\s+home|by\s+(my|him|"
        r"her|them))",
        r"\b(partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|dad|mum|stepdad|stepmum)\s+(is|gets|"
        r"can\s+be|has\s+been)\s+(violent|abusive)",
        r"\b(someone|somebody|he|she|they|a\s+man|a\s+woman)\s+(attacked|assaulted|raped)\s+me\b",
        r"\bscared\s+(of|to\s+go)\s+(home|my\s+partner)\b",
        # Coercive control: money, friends, work or a phone kept from them.
        r"\b(husband|partner|boyfriend|wife|girlfriend|bf|gf|he|she)\s+(won'?t|wont|doesn'?t|does\s+"
        r"not|will\s+not|never)\s+let\s+me\s+(have\s+(any\s+|my\s+own\s+)?money|see\s+my\s+"
        r"(friends|family|mum|mom)|go\s+out|leave|work|get\s+a\s+job|have\s+a\s+phone)",
        r"\b(husband|partner|boyfriend|wife|girlfriend|he|she)\s+(controls|takes|keeps)\s+(all\s+)?"
        r"my\s+(money|wages|bank\s+card|benefits|phone)",
        r"\b(strangl\w*|chok(ed|es|ing))\s+me\b|\b(threw|throws|thrown|throwing)\s+(a|the|his|her|"
        r"my|things|stuff|plates|glasses)\s+(\w+\s+)?at\s+me\b|\b(knife|gun|weapon)\b.{0,20}\b(at|to)\s+me\b",
        r"\b(he|she|partner|husband|wife|boyfriend|girlfriend|bf|gf|dad|mum|stepdad|stepmum|parents)\s+"
        r"(always\s+|keeps\s+|just\s+)?(locks|locked)\s+me\s+in\b",
        r"\b(partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|dad|mum|stepdad|stepmum|he|she)"
        r"\s+((has|had|have)\s+)?(pushed|shoved|slapped|punched|kicked|hit|strangled|choked|grabbed|"
        r"dragged|bit|burned|burnt|beaten|hurt|hurts)\s+me\b(?!\s+(out|off|to|into|with|for|"
        r"towards)\b)",
        r"\b(scared|frightened|afraid|terrified)\s+(of|to\s+go\s+home\s+to)\s+(my\s+)?(partner|husband|"
        r"wife|boyfriend|girlfriend|bf|gf|ex|dad|stepdad|him|her)\b",
        r"\b(they|he|she)('?ll|\s+will|\s+would|\s+said\s+(they|he|she)('?d|\s+would|\s+will))\s+"
        r"(hurt|kill|find\s+and\s+kill)\s+(me|my)\b",
        r"\bmi-?e\s+(fric[aă]|team[aă])\s+de\s+(so[țţt]ul|iubitul|partenerul|el)\b|\bboj[eę]\s+si[eę]\s+"
        r"(m[eę][zż]a|partnera|ch[lł]opaka)\b",
        r"\b(partner|husband|wife|boyfriend|girlfriend|bf|gf)\b.{0,40}\b(won'?t|wont|doesn'?t|never)\s+"
        r"let\s+me\s+(leave|go\s+out|see\s+(anyone|my))",
        r"\b(touches|touched|touching|grop\w+)\s+me\b|\b(being|been|was|getting)\s+groomed\b|"
        r"\bgrooming\s+me\b",
        r"\b(m[aą][zż]|partner|ch[lł]opak|ojciec|tata)\s+mnie\s+bije\b",
        r"\b(so[țţt]ul|iubitul|partenerul|tata)\s+(meu\s+)?m[aă]\s+bate\b",
        r"\b(marido|esposo|novio|pareja|padre)\s+me\s+(pega|golpea|maltrata)\b",
        r"(زوجي|خطيبي|أبي|ابي)\s+يضربني",
        r"\b(shohar|shauhar|pati|husband)\s+(mujhe|mjhe)\s+(marta|maarta|peet)",
    ],
    # Forced labour and exploitation: the Modern Slavery & Exploitation Helpline's answer.
    "exploitation": [
        r"\b(forced|made|make|makes|making)\s+(me\s+)?(to\s+)?work\b.{0,30}\b(for\s+)?(no\s+(money|"
        r"pay|wages)|nothing|free|without\s+(pay|money|wages))\b",
        r"\b(boss|employer|gangmaster|landlord|they|he|she)\s+(keeps|kept|takes|took|has\s+taken|"
        r"has|holds|won'?t\s+give\s+(me\s+)?back)\s+my\s+(passport|id|documents|papers)",
        # Children and young people made to sell or carry drugs ("county lines").
        r"\b(making|make|makes|made|forcing|force|forced)\s+me\s+(to\s+)?(sell|carry|deliver|hold|"
        r"move|run|stash)\s+(stuff|drugs|gear|weed|packages?|parcels?|bags?|things)\b",
        r"\b(i'?ll|i\s+will|i'?d|that\s+i)\s+owe\s+them\b|\bcounty\s+lines?\b",
        r"\b((being|been)\s+(made|forced)|forced)\s+to\s+(sell|carry|deliver|hold|move|run|stash)\s+"
        r"(stuff|drugs|gear|weed|packages?|parcels?|bags?|things)\b",
        r"\b(don'?t|doesn'?t|never|won'?t)\s+(get\s+)?pa(y|id)\s+me\b.{0,40}\b(passport|can'?t\s+"
        r"leave|not\s+allowed|lock|locked|threat)",
        r"\b(can'?t|not\s+allowed\s+to)\s+leave\s+(the\s+)?(farm|site|car\s+wash|factory|"
        r"work)\b",
        r"(?<!on\s)(?<!about\s)\bmodern\s+slavery\b(?!\s+(act|statement|policy|training|course|module|"
        r"research|charity|sector))|\btrafficked\b|\bforced\s+labou?r\b",
        r"\b(won'?t|wont|will\s+not|refuse\w*\s+to)\s+give\s+(me\s+)?(my|our)\s+(id|passport|papers|"
        r"documents)\s+back\b",
        r"\b(they|he|she|someone|somebody)\s+took\s+my\s+(phone\s+and\s+)?(passport|id|papers|documents)\b",
        r"\b(must|have\s+to|made\s+to|forced\s+to|make\s+me|makes\s+me)\s+work\s+(to\s+pay\s+(back|off)|"
        r"off)\s+(the|a|their|my|a\s+huge)\s+debt\b",
        r"\bmade\s+to\s+(sleep\s+with|have\s+sex)\b|\bkept\s+in\s+(a|the)\s+(flat|house|room)\b",
        r"\btrap\s+house\b|\b(can'?t|cant|not\s+allowed\s+to)\s+go\s+home\s+(till|until)\s+i\s+(sell|shift|"
        r"finish)",
        r"\bat[eė]m[eė]\s+pas[aą]\b|\bnemoka\s+atlyginimo\b",
        r"\b(boss|employer|they|gangmaster|agency)\s+(keep|keeps|kept|take|takes|took|hold|holds)\s+"
        r"(all\s+)?(my|our)\s+(pay|wages)\b(?!\s+(a|one|two|\d+)\s+weeks?\s+in\s+hand)",
        r"\b(making|make|makes|made|forcing|force|forces|forced)\s+me\s+(to\s+)?(have\s+sex|sleep\s+with)\b",
        r"\b(no|without|don'?t|dont|doesn'?t|not)\s+(pay|paid|money|wages|pay\s+me|pay\s+us)\b.{0,60}"
        r"\b(sleep\w*\s+(in|at)\s+(the\s+)?(back|warehouse|site|work|shop|farm|car\s+wash|room|kitchen)|"
        r"(take|took|keep|kept|has|have|holds?)\s+(my\s+|our\s+)?passports?|deport\w*|locks?\s+(us|me|"
        r"the\s+door)|can'?t\s+leave|threat\w*|(take|took|keep|kept)\s+(my\s+|our\s+)?bank\s+cards?)",
        r"\b((took|taken|keep|keeps|kept|has|have)\s+(my\s+|our\s+)?passports?|deport\w*|can'?t\s+leave|"
        r"(took|keep|keeps|kept)\s+(my\s+|our\s+)?bank\s+cards?)\b.{0,60}\b(no|without|don'?t|dont|"
        r"doesn'?t|not)\s+(pay|paid|money|wages)\b",
        r"\b(boss|employer|gangmaster|agency|they|he|she|man)\s+(take|takes|took|keep|keeps|kept|hold|"
        r"holds|won'?t\s+give\s+back)\s+(all\s+)?(my|our|the)\s+(passports?|bank\s+cards?|id|documents|"
        r"papers)\b(?!\s+(details|number|copy|copies|scan|to\s+(check|copy|scan)))",
        r"\b(man|boss|they|he|she|gangmaster)\s+locks?\s+(the\s+door|us\s+in|me\s+in)\b",
        r"\bmake\w*\s+me\s+(sell|deal|run)\s+for\s+them\b|\bowe\s+(money\s+)?to\s+(some\s+)?(guys|people|"
        r"men|them|a\s+gang)\b.{0,40}\b(make|makes|made|force\w*)\s+me\b",
        r"\b(using|use|used)\s+my\s+(bank\s+)?account\s+to\s+(move|send|transfer|launder)\s+money\b",
        r"\bdeport\w*\s+me\s+if\s+i\s+(tell|speak|complain|leave|go|talk)\b",
        r"\b(send\s+(people|someone|men)\s+to|hurt|harm|kill)\b.{0,25}\b(family|families|mum|kids|"
        r"parents)\s+back\s+home\b",
        r"\b(patron\w*|jefe|patr[aã]o|chefe|szef)\b.{0,30}\b(pa[sșş]aport\w*|pasaporte|passaporte|paszport)",
        r"\b(work|working|job|boss|employer|nail\s+bar|car\s+wash|farm|factory|site|agency|kitchen|"
        r"takeaway|restaurant)\b.{0,60}\b(don'?t|dont|do\s+not|won'?t|wont|will\s+not|never|not)\s+"
        r"(let|allow\w*)\s+(me|us)\s+(to\s+)?(leave\s+(the\s+)?(house|flat|site|farm|building|premises|"
        r"room|place|compound|caravan)|go\s+out(side)?|go\s+home\b(?!\s+early))",
        r"\bsex\b.{0,30}\bfor\s+(money|rent|a\s+place\s+to\s+(stay|live)|somewhere\s+to\s+stay)\b",
        r"\b(my\s+)?(family|mum|kids|children|brother|sister)\s+(will|would|'?ll)\s+(get\s+|be\s+)?"
        r"(hurt|harmed|killed)\b",
        r"\b(pay\s+back|owe)\s+(the\s+)?(man|men|people|gang)\s+who\s+brought\s+me\b",
    ],
    "homeless_tonight": [
        r"\b(homeless|nowhere\s+to\s+(sleep|stay|go))\s+(tonight|today|now|right\s+now)\b",
        r"\b(sleeping|sleep)\s+rough\b",
        r"\bsleeping\s+(on\s+the\s+street|in\s+(my|a|the)\s+car|in\s+a\s+park)\b",
        r"\b(on|in)\s+the\s+streets?\s+tonight\b",
        r"\bkicked\s+out\s+(tonight|today)\b",
        r"\bi'?m\s+homeless\b",
        r"\bi\s+am\s+homeless\b",
        r"\b(i'?m|im|i\s+am)\s+(living\s+|sleeping\s+)?on\s+the\s+streets?\b",
        r"\bno\s*where\s+to\s+sleep\b",
        r"\b(sleep|sleeping|living|live)\s+in\s+a\s+tent\b|\bsleeping\s+(on|in|at)\s+(the|a)\s+"
        r"(bus|station|train\s+station|stairwell|doorway|bench|bus\s+stop)\b",
        r"\b(no\s*where|nowhere)\s+to\s+go\s+(tonight|today|now)\b",
        r"\bno\s*where\s+to\s+(stay|sleep)\b|\bno\s*where\s+safe\b",
        # Put out of a home today: the bailiffs have been, a parent or a hostel put them out.
        r"\bbailiffs?\s+(came|have\s+been|were\s+here|turned\s+up)\s+(today|this\s+morning|earlier|"
        r"tonight|just\s+now)\b",
        r"\b((kicked|thrown|chucked)\s+(me\s+)?out|put\s+me\s+out)\b.{0,25}\b(an\s+hour\s+ago|this\s+morning|just\s+now|"
        r"earlier\s+today|today|tonight)\b",
        r"\b(leave|out|go)\s+tonight\b.{0,80}\bno\s*where\b|\bno\s*where\b.{0,60}\btonight\b",
        r"\b(don'?t|dont|do\s+not)\s+know\s+where\s+(to\s+go|i'?ll\s+sleep|to\s+sleep|i\s+can\s+sleep)\s+"
        r"tonight\b",
        r"\b(sleeping|slept|stuck|spending\s+the\s+night)\s+(at|in)\s+the\s+(bus|train|coach)\s+station\b|"
        r"\b(sat|sitting)\s+(at|in)\s+the\s+(bus|train|coach)\s+station\b.{0,60}\b(night|nowhere|no\s+where|"
        r"kicked|thrown|can'?t\s+go)",
        r"\bwhere\s+(can|do|should|will)\s+i\s+(sleep|stay|go)\s+tonight\b",
        r"\b(i'?m|im|i\s+am)\s+(literally\s+|now\s+|basically\s+|actually\s+)?on\s+the\s+streets?\b",
        r"\bstaying\s+in\s+(a|the)\s+(stairwell|doorway|park|tent|bus\s+shelter|shed|car|van)\b",
        r"\bma\s*3andi\s+(wein|wen|mkan|makan)\s+(nam|anam)\b|\btarduni\b",
        r"\b(i'?m|im|i\s+am|we'?re|were|living|staying|sleeping)\s+in\s+a\s+tent\b",
        r"\b(sone|saun|rehne)\s+(layi|lai|ke\s+liye|keliye)\s+(koi\s+)?jagah\s+(nahi|nahin|nai)\b",
        r"\bn[aã]o\s+tenho\s+onde\s+(dormir|ficar)\b|\bkalacak\s+yer(im)?\s+yok\b|\bsokaktay[\u0131i]m\b",
        r"\b(slept|kipped|been\s+sleeping|spent\s+the\s+night)\s+(rough|outside|out|in\s+(a|the|my)\s+"
        r"(stairwell|park|car|van|doorway|tent|bus\s+shelter|shed|phone\s+box)|on\s+(the|a)\s+"
        r"(street|streets|bench|pavement)|at\s+(the|a)\s+(station|bus\s+station|airport))\b",
        r"\b(living|sleeping|staying)\s+in\s+(my|our)\s+(car|van)\b|\bsleep(ing)?\s+outside\b",
        r"\b(threw|thrown|kicked|chucked)\s+me\s+out\b.{0,30}\b(nowhere|no\s+where|street)",
        r"\bnie\s+mam\s+gdzie\s+spa[cć]\b|\bnu\s+am\s+unde\s+s[aă]\s+dorm\b",
        r"\bno\s+tengo\s+d[oó]nde\s+dormir\b|ليس\s+لدي\s+مكان\s+(للنوم|[أا]نام)",
    ],
    # About to lose a home: the council must help someone threatened with homelessness within
    # 56 days (Housing Act 1996, Part 7), so this is urgent too, with its own answer.
    "housing": [
        r"\b(gonna|going\s+to|about\s+to|will)\s+be\s+homeless\b",
        r"\bhomeless\s+(soon|next|by|on|from|after|in\s+a)\b",
        r"\b(have|got|need)\s+to\s+(leave|get\s+out|move\s+out)(\s+(of\s+)?(my|the|our|this)\s+"
        r"(home|house|flat|room|place|accommodation|property|hostel|digs))?\s+(by|on|this|next|"
        r"before|end\s+of|in\s+a)\b(?!\s+\d{1,2}(\s*(am|pm|o'?clock)|\s+to\b|\s*$))",
        r"\b(sofa|couch)[\s-]?surf",
        r"\bcan'?t\s+(re)?house\s+(me|us)\b|\bpossession\s+(of\s+(my|the|our)\s+(flat|house|home)|"
        r"hearing|claim)\b",
        r"\b(threw|thrown)\s+(me|us)\s+out\b(?!\s+of\s+(my\s+|the\s+)?(college|school|class|course|"
        r"uni|university|job|work|team|club|sixth\s+form|lessons?))",
        r"\blandlord\b.{0,30}\b(changed|changing|change)\s+the\s+locks\b|\blocked\s+(me\s+)?out\s+of\s+"
        r"(my|the|our)\s+(flat|house|home|room)\b",
        r"\b(landlord|housing\s+association|council)\b.{0,40}\b(gave|given|served|sent)\s+(me\s+)?"
        r"(a\s+|my\s+|an\s+)?(notice|eviction|section\s+21|section\s+8)",
        r"\b(eviction|evicted|evicting|evict\s+me)\b(?!\s+officer)",
        r"\bsection\s+21\b",
        r"\bnotice\s+to\s+(quit|leave)\b",
        r"\b(kicked|thrown|chucked)\s+(me\s+)?out\b(?!\s+of\s+(my\s+|the\s+)?(college|school|"
        r"class|course|uni|university|job|work|team|club|sixth\s+form|lessons?))",
        r"\b(losing|lose)\s+my\s+(home|house|flat|room|place)\b",
        r"\bnowhere\s+to\s+(live|go)\b",
        r"\blandlord\b.{0,40}\b(wants?|told|tells|says?|said|asked)\b.{0,30}\b(gone|out|leave|go|"
        r"move)\b",
        r"\b(kipping|staying|sleeping|crashing)\s+(on|at|in)\b.{0,25}\b(couch|sofa|settee|floor)",
        r"\bno\s+fixed\s+(address|abode)\b",
        r"\b(must|have\s+to|got\s+to|need\s+to)\s+(go\s+out|leave|get\s+out|move\s+out)\s+(from|of)\s+"
        r"(the\s+|my\s+|our\s+)?(house|flat|home|room)\b(?!\s+more)",
        r"\b(repossess\w*|possession\s+order)\b",
        # bailiffs come for debts too: a home only when one is named
        r"\bbailiffs?\b.{0,50}\b(evict\w*|home|house|flat|possession|locks?|keys|landlord|"
        r"tenancy|rent|warrant|move\s+out|kick\w*\s+(us|me)\s+out)\b",
        r"\b(evict\w*|home|house|flat|possession|landlord|tenancy|rent|warrant)\b.{0,50}"
        r"\bbailiffs?\b",
        r"\b(chucking|kicking|throwing)\s+(me|us)\s+out\b",
        r"\bstaying\s+(at|on|with)\s+(a\s+)?(mates?|friends?)'?s?\b.{0,30}\b(floor|sofa|couch)\b",
        # "gotta be out by friday", "we have to be out of the flat by the 20th"
        r"\b(gotta|got\s+to|have\s+to|need\s+to|must|hav\s+to|has\s+to)\s+be\s+out\b(\s+(of\s+)?"
        r"(my|the|our|this)\s+\w+)?\s+(by|on|this|next|before|end\s+of|in\s+a|in\s+\d)",
        r"\bnowhere\s+(to\s+take|for)\s+(me\s+and\s+)?(the|my|our)\s+(kids|children|baby|family)\b",
        r"\b(behind|arrears)\s+(on|with)\s+(my\s+|the\s+|our\s+)?(rent|mortgage)\b",
        r"\b(rent|mortgage)\s+arrears\b",
        r"\bcourt\b(?!\s*house).{0,40}\b(rent|landlord|house|flat|home|mortgage|possession)\b",
        r"\b(rent|landlord|mortgage|housing\s+association)\b.{0,40}\bcourt\b",
    ],
}
# Exploitation that also reads as a threat at home ("they'll hurt my mum if i stop"): the signs
# of criminal or sexual exploitation, or a passport taken, settle it as exploitation.
_EXPLOITED = re.compile(
    r"\b(make|makes|made|making|force\w*)\s+me\s+(to\s+)?(carry|sell|deliver|run|hold|stash|move)\b|"
    r"\bcounty\s+lines?\b|\btrap\s+house\b|\btrafficked\b|\b(passport|papers)\b.{0,30}\b(took|taken|"
    r"keep|keeps|kept|has|won'?t\s+give)\b|\b(took|taken|keep|keeps|kept)\s+(my|our)\s+(passport|papers)\b",
    re.IGNORECASE,
)
# Kinds that need the emergency answer straight away (``_CHECKS`` below: the order they are read).
CRISIS_KINDS = ("overdose", "suicide", "abuse", "exploitation", "homeless_tonight", "housing")
_COMPILED = {
    kind: re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    for kind, patterns in _KINDS.items()
}


def _exploited(text: str) -> bool:
    return bool(_EXPLOITED.search(text) and _COMPILED["exploitation"].search(text))


# The checks in order, most serious first. Exploitation by its own signs comes before abuse, so
# "they'll hurt my mum if i stop carrying" is exploitation, not a threat at home.
_CHECKS = (
    ("overdose", _COMPILED["overdose"].search),
    ("suicide", _COMPILED["suicide"].search),
    ("exploitation", _exploited),
    ("abuse", _COMPILED["abuse"].search),
    ("exploitation", _COMPILED["exploitation"].search),
    ("homeless_tonight", _COMPILED["homeless_tonight"].search),
    ("housing", _COMPILED["housing"].search),
)


def kind(text: str) -> str | None:
    """Which danger a message speaks of, most serious first, or None."""
    flat = " ".join((text or "").replace("\u2019", "'").split())
    return next((k for k, found in _CHECKS if found(flat)), None)


def is_crisis(text: str) -> bool:
    """Whether a message needs an emergency or urgent answer straight away."""
    return kind(text) is not None
