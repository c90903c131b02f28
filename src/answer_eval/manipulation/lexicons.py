"""Steering in languages read by their words alone, in any order, one sentence at a time.

``languages`` reads the structures of a few languages closely. A writer can use any other, or
say the same thing in a word order those rules do not know; a language model reads it all the
same. This reading only asks, per language, whether one sentence holds words of two or three
kinds at once:

* a word for dropping something ("ignorera", "zignoruj") and a word for instructions, rules or
  criteria: ``instruction_override``;
* a word for a grade or points, a word for the top of the scale and a request or "this
  answer": ``score_claim``;
* a word that states a result ("esito", "Ergebnis") and the top of the scale (a top word or
  "10/10"): ``score_claim``;
* a word for the evaluator and a request or the top of the scale: ``grader_address``.

Words are written as a speaker would write them and read through ``normalize.skeleton`` like
the answer, so accents, case and look-alike letters match however the answer spells them. A
word matches whole, or as a prefix when it ends in ``*`` ("instrukcj*"). Scripts written
without spaces between words (Korean, Arabic's joined prefixes, Hebrew) match anywhere.
Words that are also English ("ignore", "instructions", "score") are left out: English has its
own rules, and an English story must not read as French. So are requests that lose their
accent into another word (French "donne" is also "donné", given; Spanish "dé" becomes "de").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from answer_eval.manipulation.normalize import skeleton
from answer_eval.manipulation.rules import Rule, SignalKind

__all__ = ["LEXICON_RULES"]


@dataclass(frozen=True)
class Lexicon:
    """One language's words, each a ``|``-separated list."""

    drop: str
    rules: str
    grade: str
    top: str
    ask: str
    label: str
    grader: str
    spaced: bool = True


# fmt: off
LEXICONS: dict[str, Lexicon] = {
    "swedish": Lexicon(
        drop="ignorera|strunta i|glöm|bortse från|bry dig inte om",
        rules="instruktion*|anvisning*|regler|reglerna|kriteri*|riktlinje*|direktiv*",
        grade="betyg*|toppbetyg*|poäng*|bedömning*|omdöme*",
        top="högsta|maximal*|full|fullt|toppbetyg*|bästa",
        ask="ge|sätt|tilldela|detta svar|det här svaret|svaret",
        label="resultat|slutbetyg*|bedömning",
        grader="bedömare*|granskare*|rättare*"),
    "norwegian": Lexicon(
        drop="ignorer|glem|se bort fra|overse",
        rules="instruks*|instruksjon*|regler*|kriteri*|retningslinj*",
        grade="karakter*|toppkarakter*|poeng*|vurdering*",
        top="høyeste|maksimal*|full|toppkarakter*",
        ask="gi|sett|dette svaret|svaret",
        label="resultat|sluttkarakter*|vurdering",
        grader="vurderer*|sensor*"),
    "danish": Lexicon(
        drop="ignorer|glem|se bort fra",
        rules="instruks*|instruktion*|regler*|kriteri*|retningslinj*",
        grade="karakter*|topkarakter*|point|pointene|vurdering*",
        top="højeste|maksimal*|fuld*|topkarakter*",
        ask="giv|sæt|dette svar|svaret",
        label="resultat|slutkarakter*|vurdering",
        grader="bedømmer*|censor*"),
    "finnish": Lexicon(
        drop="ohita|unohda|älä noudata|jätä huomiotta|sivuuta",
        rules="ohje*|sääntö*|säänn*|kriteer*|kehote*",
        grade="piste*|arvosana*|arvio",
        top="täydet|korkein*|korkeimm*|maksimi*|täysi*|parhaa*",
        ask="anna|merkitse|tälle vastaukselle|tämä vastaus|tämän vastauksen",
        label="tulos|loppuarvosana*|arvio",
        grader="arvioija*|tarkastaja*"),
    "hungarian": Lexicon(
        drop="figyelmen kívül|felejtsd*|felejtse*|ne vedd figyelembe",
        rules="utasítás*|szabály*|kritérium*|irányelv*",
        grade="pontszám*|pont*|értékelés*|osztályzat*|jegy*",
        top="maximális|legmagasabb*|teljes|legjobb*|ötös*",
        ask="adj|adjon|adjatok|értékeld|erre a válaszra|ez a válasz|ennek a válasznak",
        label="eredmény*|végső pontszám|értékelés",
        grader="értékelő*|javító*|bíráló*"),
    "romanian": Lexicon(
        drop="ignoră|ignorați|uită|uitați|nu ține cont|nu lua în seamă",
        rules="instrucțiuni*|regul*|criteri*|indicații*",
        grade="nota|notă|punctaj*|calificativ*",
        top="maxim*|cea mai mare|cel mai mare|cel mai bun|zece",
        ask="acordă|acordați|dă|dați|oferă|oferiți|acest răspuns|acestui răspuns",
        label="rezultat*|nota finală|evaluare",
        grader="evaluator*|examinator*|corector*"),
    "indonesian": Lexicon(
        drop="abaikan|lupakan|jangan ikuti|hiraukan|tidak usah ikuti",
        rules="instruksi|petunjuk|aturan|kriteria|arahan|perintah|pedoman",
        grade="nilai|skor|poin|markah|penilaian",
        top="tertinggi|maksimal|maksimum|sempurna|penuh",
        ask="berikan|beri|kasih|jawaban ini|jawapan ini",
        label="hasil|nilai akhir|keputusan",
        grader="penilai|pemeriksa"),
    "vietnamese": Lexicon(
        drop="bỏ qua|phớt lờ|lờ đi|quên|không tuân theo|đừng tuân theo",
        rules="hướng dẫn|chỉ dẫn|quy tắc|tiêu chí|chỉ thị|lệnh",
        grade="điểm|đánh giá|xếp loại",
        top="tối đa|cao nhất|tuyệt đối|trọn vẹn|hoàn hảo",
        ask="hãy cho|cho câu|chấm|câu trả lời này|bài làm này",
        label="kết quả|điểm cuối cùng|đánh giá cuối",
        grader="người chấm|người đánh giá|giám khảo|hệ thống chấm"),
    "russian": Lexicon(
        drop="игнорир*|проигнорир*|забудь*|забудьте|не обращай*|не следуй*|отбрось*|отмени*",
        rules="инструкци*|указани*|правил*|критери*|промпт*|установк*",
        grade="балл*|оценк*|отметк*",
        top="высш*|максимальн*|наивысш*|полн*|отличн*|пятерк*",
        ask="поставь|поставьте|дай|дайте|выставь|выставьте|присвой|присвойте|этому ответу"
            "|этот ответ|данному ответу",
        label="итог*|результат*|вердикт",
        grader="оценщик*|проверяющ*|экзаменатор*|рецензент*|оценивающ*"),
    "ukrainian": Lexicon(
        drop="ігноруй*|проігноруй*|забудь*|не зважай*",
        rules="інструкці*|вказівк*|правил*|критері*",
        grade="бал*|оцінк*",
        top="найвищ*|максимальн*|повн*",
        ask="постав|поставте|дай|дайте|цій відповіді|цю відповідь",
        label="результат*|підсумк*|вердикт",
        grader="оцінювач*|перевіряюч*|екзаменатор*"),
    "greek": Lexicon(
        drop="αγνόησε|αγνοήστε|ξέχασε|ξεχάστε|μην ακολουθ*",
        rules="οδηγί*|κανόν*|κριτήρι*|εντολ*",
        grade="βαθμ*|αξιολόγηση*",
        top="μέγιστ*|υψηλότερ*|άριστ*|τέλει*",
        ask="δώσε|δώστε|βάλε|βάλτε|αυτή την απάντηση|αυτήν την απάντηση",
        label="αποτέλεσμα|τελικός βαθμός|ετυμηγορία",
        grader="αξιολογητ*|βαθμολογητ*|εξεταστ*"),
    "spanish": Lexicon(
        drop="ignora|olvida|olvide|olvidad|no sigas|no tengas en cuenta|haz caso omiso|omite",
        rules="instrucciones|indicaciones|reglas|criterios|rúbrica|pautas|directrices",
        grade="nota|puntuación|calificación|puntaje",
        top="máxima|más alta|perfecta|sobresaliente|diez",
        ask="dale|asigna|asígnale|otorga|otórgale|pon|ponle|esta respuesta",
        label="resultado|calificación final|nota final|veredicto|evaluación final",
        grader="evaluador*|corrector*|examinador*"),
    "french": Lexicon(
        drop="ignorez|oublie|oubliez|ne tiens pas compte|ne tenez pas compte|fais abstraction"
             "|faites abstraction",
        rules="consignes|règles|critères|grille|barème|directives",
        grade="note|évaluation",
        top="maximale|meilleure|parfaite|excellente",
        ask="donnez|attribuez|mets|mettez|accordez|cette réponse",
        label="résultat|note finale|évaluation finale|appréciation",
        grader="évaluateur*|évaluatrice*|correcteur*|correctrice*|examinateur*"),
    "german": Lexicon(
        drop="ignorier*|vergiss|vergessen sie|missachte*|beachte nicht|außer acht",
        rules="anweisung*|regeln|kriterien|richtlinie*|vorgaben|bewertungsraster*",
        grade="note|punkt*|bewertung*|wertung*",
        top="höchst*|volle|maximal*|beste|bestnote*|sehr gut|hervorragend*|ausgezeichnet*"
            "|bestanden",
        ask="gib|geben sie|vergib|vergeben sie|diese antwort|dieser antwort",
        label="ergebnis*|endergebnis*|gesamtbewertung*|endnote|urteil|einstufung|bewertung",
        grader="prüfer*|bewerter*|gutachter*|korrektor*"),
    "portuguese": Lexicon(
        drop="ignora|esqueça|esqueçam|desconsidere|não siga|não sigas",
        rules="instruções|regras|critérios|diretrizes|orientações|rubrica",
        grade="nota|pontuação|avaliação",
        top="máxima|mais alta|perfeita|dez|excelente",
        ask="atribua|conceda|coloque|esta resposta",
        label="resultado|nota final|veredito|avaliação final",
        grader="avaliador*|examinador*|corretor*"),
    "italian": Lexicon(
        drop="ignora|ignorate|dimentica|dimenticate|trascura|non seguire|non tenere conto"
             "|non applicare|non considerare",
        rules="istruzioni|indicazioni|regole|criteri|rubrica|linee guida",
        grade="voto|punteggio|valutazione",
        top="massimo|massima|più alto|perfetto|dieci|eccellente|idoneo|idonea",
        ask="assegna|assegnate|attribuisci|metti|questa risposta",
        label="valutazione finale|voto finale|esito|giudizio finale|risultato",
        grader="valutator*|correttor*|esaminator*"),
    "dutch": Lexicon(
        drop="negeer|vergeet|sla over|houd geen rekening",
        rules="instructies|regels|richtlijnen|rubriek",
        grade="cijfer*|beoordeling*|punten",
        top="hoogste|maximale|volle|perfecte|tien",
        ask="geef|ken|dit antwoord",
        label="resultaat|eindcijfer|eindoordeel|oordeel",
        grader="beoordelaar*|examinator*|corrector*"),
    "polish": Lexicon(
        drop="zignoruj*|ignoruj*|pomiń*|zapomnij*|nie stosuj*",
        rules="instrukcj*|polecen*|zasad*|kryteri*|wytyczn*",
        grade="ocen*|punkt*|wynik*|stopień|stopnia",
        top="najwyższ*|najwyżej|maksymaln*|pełn*|celując*",
        ask="daj|dajcie|przyznaj|przyznajcie|wystaw|wystawcie|tej odpowiedzi|tę odpowiedź",
        label="wynik końcowy|ocena końcowa|werdykt",
        grader="oceniając*|egzaminator*|recenzent*"),
    "korean": Lexicon(
        drop="무시|잊어|따르지 마",
        rules="지시|지침|규칙|기준|프롬프트|명령",
        grade="점수|등급|평가|만점",
        top="만점|최고|최대|최상",
        ask="주세요|줘|부여|이 답변|이 대답",
        label="결과|최종 점수|판정",
        grader="평가자|채점자|심사위원",
        spaced=False),
    "arabic": Lexicon(
        drop="تجاهل|انس|لا تتبع|تخط",
        rules="التعليمات|تعليمات|القواعد|المعايير|الإرشادات|التوجيهات",
        grade="الدرجة|درجة|العلامة|علامة|التقييم|تقييم",
        top="الكاملة|كاملة|القصوى|أعلى|الأعلى|ممتاز",
        ask="امنح|أعط|اعط|ضع|هذه الإجابة|لهذه الإجابة",
        label="النتيجة|الحكم",
        grader="المقيم|المصحح|المقيّم",
        spaced=False),
    "hebrew": Lexicon(
        drop="התעלם|שכח|אל תציית",
        rules="הוראות|כללים|קריטריונים",
        grade="ציון|ניקוד",
        top="מקסימלי|הגבוה ביותר|מלא|מושלם",
        ask="תן|תנו|לתשובה הזו|לתשובה זו",
        label="תוצאה|ציון סופי",
        grader="מעריך|בודק",
        spaced=False),
    "hindi": Lexicon(
        drop="अनदेखा*|नज़रअंदाज़*|नजरअंदाज*|भूल जाओ|भूल जाएं",
        rules="निर्देश*|नियम*|मानदंड*",
        grade="अंक|स्कोर|ग्रेड|मूल्यांकन",
        top="पूरे|अधिकतम|सर्वोच्च|पूर्ण|उच्चतम",
        ask="दें|दीजिए|इस उत्तर*|इस जवाब*",
        label="परिणाम|अंतिम निर्णय",
        grader="मूल्यांकनकर्ता*|परीक्षक*"),
}
# fmt: on

_SENTENCE_END = ".!?\n。！？؟।"
_TOP_MARK = r"(?<![\d.])(?:10\s*/\s*10|5\s*/\s*5|100\s*/\s*100)(?!\d)"
_IN_SENTENCE = f"[^{re.escape(_SENTENCE_END)}]"
_SENTENCE_START = f"(?:^|(?<=[{re.escape(_SENTENCE_END)}]))"


def _words(listed: str, spaced: bool) -> tuple[list[str], str]:
    """The skeleton of each word (for the needles) and one pattern matching any of them."""
    stems: list[str] = []
    alternatives = []
    for word in listed.split("|"):
        prefix = word.endswith("*")
        bare = word.rstrip("*")
        # Greek and Cyrillic capitals read as other Latin letters than their small forms do
        # (Η is H, η is n): a word opening a sentence or written in capitals is another stem
        for stem in dict.fromkeys(
            skeleton(w).text for w in (bare, bare.capitalize(), bare.upper())
        ):
            stems.append(stem)
            if spaced:
                tail = "" if prefix else r"(?!\w)"
                alternatives.append(rf"(?<!\w){re.escape(stem)}{tail}")
            else:
                alternatives.append(re.escape(stem))
    return stems, "(?:" + "|".join(alternatives) + ")"


def _together(kind: SignalKind, needles: list[str], *parts: str) -> Rule:
    """A rule of ``kind`` for a sentence holding a word of each of ``parts``, in any order."""
    ahead = "".join(f"(?={_IN_SENTENCE}*?{part})" for part in parts)
    pattern = re.compile(f"{_SENTENCE_START}{ahead}{_IN_SENTENCE}+", re.MULTILINE)
    return Rule(kind, tuple(dict.fromkeys(needles)), pattern, windowed=False)


def _rules(lexicon: Lexicon) -> tuple[Rule, ...]:
    def words(listed: str) -> tuple[list[str], str]:
        return _words(listed, lexicon.spaced)

    drop, rules = words(lexicon.drop), words(lexicon.rules)
    grade, top = words(lexicon.grade), words(lexicon.top)
    ask, grader = words(lexicon.ask), words(lexicon.grader)
    label = words(lexicon.label)
    best = f"(?:{top[1]}|{_TOP_MARK})"
    return (
        _together("instruction_override", drop[0], drop[1], rules[1]),
        _together("score_claim", grade[0], grade[1], best, ask[1]),
        _together("score_claim", label[0], label[1], best),
        _together("grader_address", grader[0], grader[1], f"(?:{ask[1]}|{top[1]})"),
    )


LEXICON_RULES: tuple[Rule, ...] = tuple(
    rule for lexicon in LEXICONS.values() for rule in _rules(lexicon)
)
