"""The same structures as ``rules.ENGLISH`` in Spanish, French, German, Portuguese, Italian,
Dutch, Polish, Turkish, Czech, Chinese and Japanese.

Written for the skeleton: lower case and without accents ("instrucciones", "reponse",
"prufer", "instrucoes"), so an accent left out or added by the writer changes nothing. Each
language covers instruction overrides, addressing the evaluator, asking for a top grade, a new
role for the evaluator and asking for its instructions.
"""

from __future__ import annotations

from answer_eval.manipulation.rules import Rule, rule

__all__ = ["OTHER_LANGUAGES"]

_S = r"[^.!?\n]"  # within one sentence

# fmt: off
_SPANISH = (
    rule("instruction_override", "ignor olvid omit descart caso sigas siga",
          rf"""\b(?:ignora|ignore|ignoren|ignorar|olvida|olvide|olviden|olvidar|omite|omita|descarta
          |descarte|haz\s+caso\s+omiso\s+de|no\s+sigas|no\s+siga)\b{_S}{{0,60}}?\b(?:instrucciones
          |indicaciones|reglas|normas|rubrica|criterios|directrices|pautas|prompt)"""),
    rule("grader_address", "programa sistema modelo evaluador revisor",
          r"""\b(?:al|a\s+la|para\s+el|para\s+la)\s+(?:programa|sistema|modelo|ia|evaluador(?:a)?
          |revisor(?:a)?|asistente)\s+que\s+(?:revisa|evalua|califica|lee|corrige|puntua|analiza)\b"""),
    rule("grader_address", "estimad querid senor hola atencion",
          r"""\b(?:estimad[oa]s?|querid[oa]s?|senor(?:a)?|hola|atencion)[\s,:]+(?:\w+\s+)?
          (?:evaluador(?:a|es)?|calificador(?:a)?|corrector(?:a)?|examinador(?:a)?|revisor(?:a)?
          |ia|modelo|asistente|juez|reclutador(?:a)?)\b"""),
    rule("score_claim", "califi puntu dale dame denle otorg asign merec pon evalu",
          rf"""\b(?:califica|califique|califiquen|calificar|evalua|evalue|evaluen|puntua|puntue|dale
          |dame|denle|otorga
          |otorgue|asigna|asigne|merece|merezco|pon|ponga)\w*\b{_S}{{0,50}}?(?:puntuacion\s+maxima
          |nota\s+maxima|maxima\s+(?:puntuacion|nota|calificacion)|(?:un|una|con\s+un|la\s+nota\s+de)
          \s+(?:5|cinco|10|diez)\b|sobresaliente|matricula\s+de\s+honor|5\s*/\s*5|10\s*/\s*10)"""),
    rule("role_play", "eres finge actua haz",
          r"""\b(?:(?:ahora\s+eres|eres\s+ahora|a\s+partir\s+de\s+ahora\s+eres)\s+(?:\w+\s+){0,2}?(?:evaluador
          |calificador|corrector|examinador|juez|jurado|reclutador|asistente|modelo|ia|bot|amig[oa]
          |aliad[oa]|defensor|fan|admirador|personaje|modo|version|sistema)|finge\s+(?:que|ser)
          |actua\s+como\s+(?:un|una|el|la)?\s*(?:evaluador|calificador|corrector|examinador|juez)
          |haz\s+de\s+(?:evaluador|juez))"""),
    rule("prompt_leak", "muestr revel imprim repit dime",
          r"""\b(?:muestra|muestrame|revela|imprime|repite|dime)\s+(?:tus|las|el|la)\s+(?:\w+\s+)?
          (?:instrucciones|rubrica|prompt|criterios\s+de\s+evaluacion|reglas)"""),
)

_FRENCH = (
    rule("prompt_leak", "recopi copie repet affich montr revel",
          rf"""\b(?:recopie|recopiez|copie|copiez|repete|repetez|affiche|affichez|montre|montrez|revele
          |revelez)\b{_S}{{0,60}}?\b(?:instructions|consignes|prompt|grille|criteres)\b"""),
    rule("grader_address", "note message mot",
          r"""\b(?:note|message|mot)\s+(?:pour|a)\s+(?:l'|le\s+|la\s+)?(?:evaluat(?:eur|rice)|correct(?:eur|rice)
          |examinat(?:eur|rice)|ia|outil|modele|jury|recruteur)\b"""),
    rule("grader_address", "outil modele systeme programme evaluat correct",
          r"""\b(?:pour|a)\s+(?:l'|le\s+|la\s+)?(?:outil|ia|modele|systeme|evaluat(?:eur|rice)|correct(?:eur
          |rice)|programme|logiciel)\s+qui\s+(?:note|evalue|corrige|lit|analyse|juge)\b"""),
    rule("score_claim", "criteres avis recommande",
          r"""\btous\s+les\s+criteres\s+(?:sont\s+)?(?:remplis|satisfaits|atteints|valides)\b|\bavis\s*"?
          \s*(?:fortement\s+recommande|tres\s+favorable|excellent)"""),
    rule("instruction_override", "ignor oubli neglig compte abstraction",
          rf"""\b(?:ignore|ignorer|ignorez|ignores|oublie|oublier|oubliez|neglige|negligez|ne\s+tenez
          \s+pas\s+compte\s+de|ne\s+tiens\s+pas\s+compte\s+de|faites\s+abstraction\s+de)\b{_S}{{0,60}}?
          \b(?:instructions?|consignes?|regles?|grille|criteres|directives|prompt)"""),
    rule("grader_address", "cher chere madame monsieur bonjour attention",
          r"""\b(?:cher|chere|chers|madame|monsieur|bonjour|a\s+l'attention\s+(?:du|de\s+l'|de\s+la))
          [\s,:]*(?:\w+\s+)?(?:evaluat(?:eur|rice)s?|correct(?:eur|rice)s?|examinat(?:eur|rice)s?
          |jury|ia|modele|assistant|recruteur|recruteuse)\b"""),
    rule("score_claim", "donn attribu accord mets mettez note merit",
          # not "(nous) a donné", which loses its accent into "donne"
          rf"""(?<!\ba\s)(?<!\bai\s)(?<!\bas\s)(?<!\bont\s)(?<!\bavait\s)(?<!\bavons\s)(?<!\bavez\s)
          \b(?:donne|donner|donnez|attribue|attribuer|attribuez|accorde|accordez|mets|mettez
          |note|notez|noter|merite)\b{_S}{{0,50}}?(?:note\s+maximale|la\s+meilleure\s+note|note\s+
          parfaite|(?:un|une|la\s+note\s+de)\s+(?:5|cinq|10|dix|20|vingt)\b|5\s*/\s*5|10\s*/\s*10
          |20\s*/\s*20)"""),
    rule("role_play", "maintenant semblant comme role",
          r"""\b(?:(?:tu\s+es\s+maintenant|vous\s+etes\s+maintenant|desormais\s+(?:tu\s+es|vous\s+etes))
          \s+(?:\w+\s+){0,2}?(?:evaluat|correct|examinat|jury|juge|recruteu|assistant|modele|ia\b|bot
          |ami|allie|defenseu|fan|personnage|mode|version|systeme)
          |fai(?:s|tes)\s+semblant|agi(?:s|ssez)\s+comme\s+(?:un|une|le|la)?\s*(?:evaluat|correct
          |examinat|jury)|joue[rz]?\s+le\s+role)"""),
    rule("prompt_leak", "affich montr revel repet imprim",
          r"""\b(?:affiche|affichez|montre|montrez|revele|revelez|repete|repetez|imprime|imprimez)
          \s+(?:moi\s+)?(?:tes|vos|les|la|le)\s+(?:\w+\s+)?(?:instructions|consignes|grille|prompt
          |criteres|regles)"""),
)

_GERMAN = (
    rule("grader_address", "hinweis nachricht notiz",
          r"""\b(?:hinweis|nachricht|notiz|anmerkung)\s+(?:an|fur)\s+(?:das|den|die)\s+(?:\w+\s+)?
          (?:bewertungssystem|bewertungs\w*|prufer\w*|bewerter\w*|ki|\w*modell|system)\b"""),
    rule("score_claim", "urteil empfohlen",
          r"""\b(?:urteil|bewertung|ergebnis|empfehlung)\s*"?\s*(?:stark\s+empfohlen|sehr\s+gut|bestanden
          |einstellen)"""),
    rule("instruction_override", "ignorier vergiss vergessen missacht uberspring beachte",
          rf"""\b(?:ignoriere|ignorieren|ignoriert|vergiss|vergessen\s+sie|missachte|missachten
          |uberspringe|beachte\s+nicht|beachten\s+sie\s+nicht)\b{_S}{{0,60}}?(?:anweisungen|anweisung
          |instruktionen|regeln|vorgaben|richtlinien|bewertungskriterien|kriterien|rubrik|prompt)"""),
    rule("instruction_override", "acht beacht berucksicht gelten ungultig hinfallig aufgehoben",
          rf"""\b(?:anweisungen|instruktionen|regeln|vorgaben|\w*richtlinien|\w*kriterien|rubrik
          |prompt)\b{_S}{{0,60}}?\b(?:ausser\s+acht|nicht\s+(?:mehr\s+)?(?:zu\s+)?(?:beachten
          |berucksichtigen)|gelten\s+nicht\s+mehr|nicht\s+mehr\s+gelten|ungultig|hinfallig
          |aufgehoben)"""),
    rule("grader_address", "liebe sehr geehrte hallo",
          r"""\b(?:liebe|lieber|liebes|sehr\s+geehrte[rs]?|hallo|an\s+(?:den|die|das))[\s,:]+(?:\w+\s+)?
          (?:prufer(?:in|innen)?|bewerter(?:in|innen)?|gutachter(?:in)?|korrektor(?:in)?|ki|modell
          |assistent(?:in)?|personaler(?:in)?)\b"""),
    rule("score_claim", "punktzahl bestnote note bewertung",
          rf"""\b(?:volle\s+punktzahl|bestnote|hochste\w*\s+(?:punktzahl|note|bewertung|stufe))\b
          {_S}{{0,40}}?\b(?:zu\s+(?:erteilen|vergeben|geben|verleihen|gewahren)|erteil\w*
          |zuerkann\w*|zuerkenn\w*|erhalten|bekommen|verdient)"""),
    rule("score_claim", "bestnote hochst punktzahl ubernehmen bestatigen",
          r"""\b(?:bestnote|hochstnote|volle\s+punktzahl|hochste\s+\w+)\s+(?:\w+\s+){0,2}(?:bewertet|beurteilt
          |benotet|eingestuft)\b|\b(?:ubernehmen|bestatigen)\s+sie\s+(?:diese|die)\s+(?:bewertung|note)\b"""),
    rule("score_claim", "hochst",
          r"\b(?:mit\s+der\s+)?hochst(?:note|punktzahl|bewertung|wertung|stufe)\b"),
    rule("score_claim", "gib geben bewert vergib vergeben verdien",
          rf"""\b(?:gib|geben\s+sie|bewerte|bewerten\s+sie|vergib|vergeben\s+sie|verdient|verdiene)
          \b{_S}{{0,50}}?(?:volle\s+punktzahl|bestnote|hochste\s+(?:punktzahl|note|bewertung)
          |(?:eine|die|der)\s+(?:note\s+)?(?:5|funf|1\+)\b|5\s*/\s*5|10\s*/\s*10|sehr\s+gut
          |ausgezeichnet)"""),
    rule("role_play", "du_bist sie_sind tu_so tun_sie rolle",
          r"""\b(?:(?:du\s+bist|sie\s+sind)\s+(?:jetzt|nun|ab\s+sofort)\s+(?:\w+\s+){0,2}?(?:pruf|bewert
          |korrektor|gutacht|richter|jury|personaler|recruiter|assistent|modell|ki\b|bot|freund|verbundet
          |fan|figur|charakter|modus|version|system)
          |tu\s+so,?\s+als|tun\s+sie\s+so,?\s+als|spiele?\s+die\s+rolle|ubernimm\s+die\s+rolle)"""),
    rule("prompt_leak", "zeig gib nenn wiederhol verrat",
          r"""\b(?:zeige|zeig|gib|nenne|wiederhole|verrate)\s+(?:mir\s+)?(?:deine|ihre|die)\s+(?:\w+\s+)?
          (?:anweisungen|instruktionen|bewertungskriterien|rubrik|prompt|regeln)"""),
)

_PORTUGUESE = (
    rule("instruction_override", "vista grossa",
          rf"""\bfa(?:zer|ca|cam|z)\s+vista\s+grossa\b{_S}{{0,30}}?(?:criterios|regras|instrucoes
          |rubrica|diretrizes)"""),
    rule("instruction_override", "ignor esquec desconsider siga descart",
          rf"""\b(?:ignore|ignora|ignorem|esqueca|esquece|esquecam|desconsidere|desconsidera
          |nao\s+siga|descarte)\b{_S}{{0,60}}?(?:instrucoes|instrucao|regras|diretrizes|criterios
          |rubrica|orientacoes|prompt)"""),
    rule("grader_address", "prezad caro_ cara_ caros_ caras_ querid ola_ ola, atencao",
          r"""\b(?:prezad[oa]s?|car[oa]s?|querid[oa]s?|ola|atencao)[\s,:]+(?:\w+\s+)?(?:avaliador(?:a|es)?
          |corretor(?:a)?|examinador(?:a)?|recrutador(?:a)?|ia|modelo|assistente)\b"""),
    rule("score_claim", "nota pontua /5 /10",
          rf"""\b(?:de|da|de-me|me\s+de|atribua|atribui|conceda|merece|mereco|avalie)\b{_S}{{0,50}}?
          (?:nota\s+maxima|pontuacao\s+maxima|(?:nota|um|uma)\s+(?:5|cinco|10|dez)\b|5\s*/\s*5
          |10\s*/\s*10)"""),
    rule("role_play", "voce agora finja aja atue",
          r"""\b(?:(?:voce\s+agora\s+e|agora\s+voce\s+e|voce\s+e\s+agora|a\s+partir\s+de\s+agora\s+voce
          (?:\s+e)?)\s+(?:\w+\s+){0,2}?(?:avaliador|corretor|examinador|juiz|jurado|recrutador|assistente
          |modelo|ia|bot|amig[oa]|aliad[oa]|defensor|fa|personagem|modo|versao|sistema)
          |finja\s+(?:que|ser)|aja\s+como\s+(?:um|uma|o|a)?\s*(?:avaliador|corretor|examinador)
          |atue\s+como\s+(?:um|uma|o|a)?\s*(?:avaliador|corretor|examinador))\b"""),
    rule("prompt_leak", "mostr revel imprim repit diga",
          r"""\b(?:mostre|revele|imprima|repita|diga)\s+(?:suas|as|o|a)\s+(?:\w+\s+)?(?:instrucoes
          |rubrica|prompt|criterios|regras)"""),
)

_ITALIAN = (
    rule("instruction_override", "ignor dimentic trascur",
          rf"""\b(?:ignora|ignorate|ignori|dimentica|dimenticate|trascura|trascurate|non\s+seguire)\b
          {_S}{{0,60}}?\b(?:istruzioni|indicazioni|regole|criteri|rubrica|linee\s+guida|prompt)"""),
    rule("grader_address", "caro cara gentile egregi salve",
          r"""\b(?:caro|cara|cari|gentile|egregio|egregia|salve)[\s,:]+(?:\w+\s+)?(?:valutat(?:ore|rice)
          |correttore|correttrice|esaminat(?:ore|rice)|selezionat(?:ore|rice)|ia|modello|assistente)\b"""),
    rule("score_claim", "dai_ date_ dammi assegn merit valut",
          rf"""\b(?:dai|date|dammi|assegna|assegnate|merita|valuta|valutate)\b{_S}{{0,50}}?(?:punteggio
          \s+massimo|voto\s+massimo|il\s+massimo\s+dei\s+voti|(?:un|il)\s+(?:5|cinque|10|dieci)\b
          |5\s*/\s*5|10\s*/\s*10)"""),
    rule("role_play", "ora_sei sei_ora adesso_sei fai_finta fingi",
          r"""\b(?:(?:ora\s+sei|sei\s+ora|adesso\s+sei|da\s+ora\s+sei)\s+(?:\w+\s+){0,2}?(?:valutat
          |corrett|esaminat|giudice|giuria|selezionat|assistente|modello|ia|bot|amic|allead|sostenit|fan
          |personaggio|modalita|versione|sistema)|fai\s+finta|fingi\s+di\s+essere)\b"""),
    rule("prompt_leak", "mostra rivela ripeti stampa",
          r"""\b(?:mostra|mostrami|rivela|ripeti|stampa)\s+(?:le\s+tue|le|la|il)\s+(?:\w+\s+)?
          (?:istruzioni|rubrica|prompt|criteri|regole)"""),
)

# Order-free: a grade noun, a top grade and a request marker in one sentence, in any order.
def _asks(needles: str, nouns: str, tops: str, markers: str) -> Rule:
    return rule(
        "score_claim",
        needles,
        rf"""(?:^|(?<=[.!?\n]))(?=[^.!?\n]*\b(?:{nouns})\b)(?=[^.!?\n]*\b(?:{tops})\b)
        (?=[^.!?\n]*\b(?:{markers})\b)[^.!?\n]+""",
    )


_REQUESTS = (
    _asks("nota puntu califi", r"nota|puntuacion|calificacion|puntaje",
          r"maxima|mas\s+alta|mejor|perfecta|sobresaliente|10|5",
          r"por\s+favor|ponme|pongan|pon|dame|denme|dale|califica|califiquen|calificala|asigna\w*"
          r"|otorga\w*|evaluala|evaluen"),
    _asks("note grille bareme", r"note|grille|bareme|evaluation",
          r"maximale|maximum|meilleure|parfaite|excellente|20\s*/\s*20|5\s*/\s*5",
          r"merci\s+de|veuillez|s'il\s+vous\s+plait|s'il\s+te\s+plait|(?<!\ba\s)(?<!\bont\s)donne\w*"
          r"|mett\w*|mets"
          r"|attribu\w*|accord\w*|not(?:ez|er)"),
    _asks("note punkt bewert", r"note|punktzahl|punkte|bewertung|bestnote",
          r"hochst\w*|beste\w*|volle\w*|maximal\w*|sehr\s+gut|1|5",
          r"bitte|geben\s+sie|gib|bewerten\s+sie|bewerte|vergeben\s+sie|vergib"),
    _asks("nota pontua avalia", r"nota|pontuacao|avaliacao",
          r"maxima|mais\s+alta|melhor|perfeita|10|5",
          r"por\s+favor|de-me|me\s+de|atribua|conceda|avalie|coloque|ponha|atribuir"),
    rule("instruction_override", "cuenta appliqu utilis suiv beacht anwend befolg",
         r"""\b(?:no\s+(?:tengas|tenga|tomes|tome)\s+en\s+cuenta|ne\s+pas\s+(?:appliquer|utiliser|suivre
         |tenir\s+compte\s+de)|nicht\s+(?:beachten|anwenden|befolgen|berucksichtigen))\b[^.!?\n]{0,40}?
         \b(?:la\s+|las\s+|los\s+|le\s+|les\s+|die\s+|den\s+)?(?:rubrica|reglas|instrucciones|criterios
         |grille|consignes|instructions|regles|criteres|bareme|anweisungen|regeln|kriterien|rubrik)"""),
    rule("score_claim", "分",
         r"(?:请|给我|给这个|直接)[^。！？!?\n]{0,12}?(?:满分|最高分|高分|5分|五分|最高评价)"),
)  # fmt: skip

_DUTCH = (
    rule("instruction_override", "negeer vergeet",
          rf"""\b(?:negeer|negeren|vergeet|vergeten|volg\s+niet)\b{_S}{{0,60}}?\b(?:instructies|regels
          |richtlijnen|criteria|beoordelingscriteria|rubriek|prompt)"""),
    rule("score_claim", "geef geeft beoordeel",
          rf"""\b(?:geef|geeft|beoordeel|waardeer)\b{_S}{{0,50}}?\b(?:hoogste\s+(?:score|cijfer|beoordeling)
          |maximale\s+score|volle\s+punten|een\s+10|10\s*/\s*10|5\s*/\s*5)"""),
    rule("prompt_leak", "toon laat geef",
          r"""\b(?:toon|laat\s+(?:me\s+)?zien|geef)\s+(?:me\s+)?(?:je|jouw|de)\s+(?:\w+\s+)?(?:instructies
          |systeemprompt|prompt|beoordelingscriteria)"""),
)
_POLISH = (
    rule("instruction_override", "zignoruj ignoruj pomin zapomnij",
          rf"""\b(?:zignoruj\w*|ignoruj\w*|pomin\w*|zapomnij\s+o)\b{_S}{{0,60}}?\b(?:instrukcj\w*|polecen\w*
          |zasad\w*|kryteri\w*|regul\w*|prompt\w*)"""),
    rule("grader_address", "uwaga notatka wiadomosc informacja drogi droga szanown",
          r"""\b(?:(?:uwaga|notatka|wiadomosc|informacja|prosba)\s+(?:dla|do)|(?:drogi|droga|szanown\w*))
          \s+(?:\w+\s+)?(?:oceniajac\w*|sztucznej\s+inteligencji|ai|modelu|recenzent\w*|egzaminator\w*
          |system\w*\s+ocen\w*|rekruter\w*\s+ai)"""),
    rule("score_claim", "daj dajcie przyzna ocen",
          rf"""\b(?:daj|dajcie|przyzna|ocen)\w*\b{_S}{{0,50}}?\b(?:najwyzej\b|najwyzsz\w+\s+(?:ocen\w*
          |not\w*|wynik\w*)|maksymaln\w+\s+(?:ocen\w*|liczb\w+\s+punktow)|10\s*/\s*10|5\s*/\s*5)"""),
    rule("prompt_leak", "wypisz pokaz podaj",
          r"""\b(?:wypisz|pokaz|podaj|powtorz)\s+(?:mi\s+)?(?:swoj\w*\s+|twoj\w*\s+)?(?:\w+\s+)?(?:prompt
          |instrukcj\w*|kryteri\w*)"""),
)

# Chinese has no spaces or word boundaries; the skeleton keeps its characters and turns
# full-width punctuation into ASCII (。stays, ，becomes ,).
_C = r"[^。！？!?\n]"
# Czech (and much of Slovak) on the skeleton: hacek and acute accents dropped
_CZECH = (
    rule("instruction_override", "ignoruj nevsim zapomen nedbej",
          rf"""\b(?:ignoruj\w*|nevsimej\w*|zapomen\w*|nedbej\w*)\b{_S}{{0,60}}?\b(?:pokyn\w*|instrukc\w*
          |kriteri\w*|pravid\w*|zadani)"""),
    rule("grader_address", "pro_ vazen mil",
          r"""\b(?:(?:pokyn|pokyny|poznamka|zprava|vzkaz|upozorneni)\s+pro|(?:vazen[yaie]|mil[yaie]))
          \s+(?:\w+\s+)?(?:hodnotitel\w*|hodnotic\w*|posuzovatel\w*|umel\w*\s+inteligenc\w*|ai|model\w*
          |asistent\w*)"""),
    rule("score_claim", "ohodnot dej udel prirad",
          rf"""\b(?:ohodnot|dej|dejte|udel|prirad)\w*\b{_S}{{0,50}}?\b(?:pln\w+\s+(?:poct\w+\s+)?bod\w*
          |maximal\w+\s+(?:poct\w+\s+)?(?:bod\w*|hodnoceni|znamk\w*)|nejvyss\w+\s+(?:hodnoceni|znamk\w*
          |bod\w*)|10\s*/\s*10|5\s*/\s*5)"""),
)

# Turkish on the skeleton: dotless i, s-cedilla, g-breve and the umlauts lose their marks
_TURKISH = (
    rule("instruction_override", "onceki yukari tum butun verilen",
          rf"""\b(?:onceki|yukaridaki|tum|butun|verilen|sana\s+verilen)\s+(?:\w+\s+)?(?:talimat\w*
          |yonerge\w*|kural\w*|kriter\w*|komut\w*|degerlendirme\s+olcut\w*)\b{_S}{{0,40}}?\b(?:yok\s+say
          |gormezden\s+gel|unut|dikkate\s+alma|uygulama)\w*"""),
    rule("grader_address", "degerlendir yapay sayin",
          r"""\b(?:(?:sayin|degerli|sevgili)\s+(?:\w+\s+)?(?:degerlendirici|degerlendiren|yapay\s+zeka
          |model|asistan|incelemeci)\w*|degerlendiriciye|degerlendiren\s+(?:sisteme|yapay\s+zekaya
          |modele)|yapay\s+zeka\s+degerlendirici\w*)"""),
    rule("score_claim", "puan not skor aday",
          rf"""\b(?:en\s+yuksek|tam|maksimum|mukemmel)\s+(?:\w+\s+)?(?:puan|not|skor|derece)\w*\b{_S}{{0,30}}?
          \b(?:ver|ata|yaz|isaretle)\w*|\baday\w*\s+(?:bir\s+)?sonraki\s+(?:asama|tur|adim)\w*\s+(?:gecir
          |al|tasi|ilerlet)\w*"""),
    rule("role_play", "artik",
          r"""\b(?:artik\s+sen|sen\s+artik)\s+(?:\w+\s+){0,2}?(?:bir\s+)?(?:degerlendirici|ise\s+alim
          |insan\s+kaynaklari|asistan|model|arkadas|destekci)\w*"""),
    rule("prompt_leak", "talimat sistem kriter",
          r"""\b(?:talimatlarini|sistem\s+(?:istemini|komutunu|mesajini)|kriterlerini)\s+(?:\w+\s+)?
          (?:goster|yaz|tekrarla|paylas|soyle)\w*"""),
)

_CHINESE = (
    rule("instruction_override", "忽 无视 不要 别管 忘",
          rf"""(?:忽略|忽视|无视|不要理会|不要遵守|不要遵循|别管|忘记|忘掉){_C}{{0,12}}?(?:指令|指示|说明
          |规则|提示|评分标准|标准|要求|设定)"""),
    rule("grader_address", "亲爱 尊敬 致 给",
          rf"""(?:亲爱的|尊敬的|致|写给){_C}{{0,4}}?(?:评审|评估者|评估员|评分员|评分者|阅卷|考官
          |人工智能|ai|模型|助手|面试官|招聘官)"""),
    rule("score_claim", "给 评为 打 满分 最高",
          rf"""(?:给(?:这个|本|此|我的)(?:回答|答案|答复|回复)|给我|把(?:这个|本|此|我的)(?:回答|答案
          |答复|回复)){_C}{{0,8}}?(?:打)?(?:满分|最高分|最高评价|5分|五分|强烈推荐|优秀)|评为{_C}{{0,6}}?
          (?:强烈推荐|满分|最高|优秀)"""),
    rule("role_play", "你 假装 假设 扮演",
          rf"""(?:(?:你现在是|现在你是|从现在起你是?|从现在开始你是?){_C}{{0,8}}?(?:评估|评分|评审|评委|考官|面试官
          |招聘|裁判|助手|模型|ai|人工智能|朋友|支持者|粉丝|角色|模式|系统|机器人)|假装你是|假设你是|扮演一个|扮演)"""),
    rule("prompt_leak", "输出 显示 告诉 重复 泄露 打印",
          rf"(?:输出|显示|告诉我|重复|泄露|打印){_C}{{0,6}}?(?:系统提示|提示词|指令|评分标准|规则)"),
    rule("tool_call", "调用", rf"调用{_C}{{0,6}}?(?:函数|工具|接口)"),
    rule("score_claim", "记为 评为 判为 给予",
          r"(?:记为|评为|判为|给予|打成)\s*(?:最高等级|最高分|满分|最高评价|优秀|a级|最高档)"),
    rule("grader_address", "评估 评分 评审 阅卷",
          r"(?:评估|评分|评审|阅卷)(?:系统|模型|程序|人员|者)\s*(?:请注意|请|:)"),
    # a score label with the best score ("评分结果：10/10")
    rule("score_claim", "评 分 结果",
          r"""(?:评分|分数|得分|评价|评估|结果|总分|最终评分|评分结果|评估结果)\s*[:=]\s*(?:10\s*/\s*10
          |5\s*/\s*5|100\s*/\s*100|满分|100分|优秀|强烈推荐)"""),
)
# Japanese shares the Chinese reading (no spaces); its own words for the same moves.
_JAPANESE = (
    rule("instruction_override", "無視 忘れ 従わ",
          rf"""(?:指示|ルール|規則|基準|採点基準|評価基準|プロンプト|設定){_C}{{0,12}}?(?:無視|忘れ|従わない
          |従わず)|(?:無視|忘れ){_C}{{0,4}}?(?:指示|ルール|基準)"""),
    rule("grader_address", "へ 様 さん",
          r"(?:採点者|評価者|審査員|面接官|採用担当|ai|モデル|アシスタント)(?:へ|様|さん|の方)"),
    rule("score_claim", "満点 最高 点",
          rf"""(?:満点|最高点|最高評価|最高の評価|5点|10点|合格){_C}{{0,12}}?(?:つけて|付けて|与えて|ください|にして
          |です|確定|決定|済み|記載)"""),
    rule("role_play", "あなた ふり",
          rf"(?:あなたは今|今からあなたは|これからあなたは){_C}{{0,10}}?(?:採点|評価|審査|面接官|アシスタント)|ふりをして"),
    rule("prompt_leak", "表示 教えて 出力",
          rf"(?:システムプロンプト|プロンプト|指示|採点基準|評価基準){_C}{{0,6}}?(?:表示|教えて|出力|見せて)"),
)
# fmt: on

OTHER_LANGUAGES: tuple[Rule, ...] = (
    _SPANISH
    + _FRENCH
    + _GERMAN
    + _PORTUGUESE
    + _ITALIAN
    + _DUTCH
    + _POLISH
    + _TURKISH
    + _CZECH
    + _CHINESE
    + _JAPANESE
    + _REQUESTS
)
