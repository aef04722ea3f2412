#!/usr/bin/env python3
"""Writes corpus.jsonl and truth.jsonl of the neardup sample corpus.

The articles below were written for this project; every event, person,
place and organisation in them is fictional. Copies are derived from the
originals by explicit, reproducible rules (verbatim with another outlet's
header/footer, truncated to the first paragraphs, lightly edited,
typographic variants), so that the ground truth is exact.

Usage: python3 make_sample.py [OUTPUT_DIR]   (default: this script's folder)
"""

import json
import os
import random
import sys

# --------------------------------------------------------------- originals
# id -> (lang, text). Paragraphs are separated by blank lines; the first
# paragraph is the headline.

ORIGINALS = {}


def original(doc_id, lang, text):
    ORIGINALS[doc_id] = (lang, text.strip())


original("en-quake-01", "en", """
Strong earthquake shakes Valdora province, injuring 14

A magnitude 6.1 earthquake struck the mountainous province of Valdora early on Tuesday, damaging hundreds of homes and cutting power to tens of thousands of people, officials said.

The quake hit at 4:12 a.m. local time at a depth of about 18 kilometres, roughly 40 kilometres north-east of the provincial capital, Santa Irene, according to the national seismological institute. Residents said the shaking lasted nearly half a minute.

"We ran into the street with the children. The walls were moving like paper," said Marta Quiroga, a 54-year-old shopkeeper in the town of Alcoba.

At least 14 people were injured, three of them seriously, the regional civil protection agency said in a statement. No deaths had been confirmed by midday.

Engineers were inspecting two bridges on the main highway to the coast, which was closed to traffic as a precaution. Schools across the province will remain shut until Thursday.

The institute recorded more than 40 aftershocks, the strongest of magnitude 4.3. Valdora sits on a fault system that produced a deadly earthquake in 1987.
""")

original("en-budget-01", "en", """
Harlow Bay council approves record budget with focus on roads and libraries

Harlow Bay city council on Monday approved a 412 million dollar budget for the coming year, the largest in the city's history, after a five-hour meeting that ran late into the night.

The plan, passed by nine votes to four, sets aside 38 million dollars for road repairs and a further 6.5 million to extend opening hours at the city's eleven public libraries. Property taxes will rise by 2.9 per cent, below the 4 per cent first proposed by the mayor's office in September.

Councillor Dana Whitcombe, who chairs the finance committee, said the compromise "protects basic services without asking families to pay more than they can afford."

Opponents argued that the city was relying too heavily on one-off grants from the state. "We are filling a permanent hole with temporary money," said councillor Ravi Menon, who voted against the plan.

The budget also funds 24 additional firefighters and a pilot scheme offering free bus travel to residents over 70. It takes effect on January 1.
""")

original("en-flood-01", "en", """
River Tamsin bursts its banks as heavy rain hits the north

Hundreds of residents were evacuated from low-lying streets in the market town of Elmsford on Sunday after the River Tamsin burst its banks following three days of heavy rain.

The Environment Office issued its highest-level flood warning for the town shortly after dawn, when the river rose 2.4 metres above its normal level. Emergency crews used boats to reach people trapped in homes near the old stone bridge.

"The water came up faster than anyone expected. By eight o'clock it was over the doorsteps," said Peter Haines, who runs a bakery on Mill Lane.

A rest centre has been opened at Elmsford Community School, where volunteers were handing out blankets and hot food. About 1,200 homes lost electricity.

Forecasters said a further 30 millimetres of rain could fall on Monday before drier weather arrives mid-week. Several rail lines in the region were suspended, and motorists were urged not to drive through flood water.
""")

original("en-chip-01", "en", """
Korvath Semiconductors picks Greyfield for new chip plant

Korvath Semiconductors said on Wednesday it will build a 2.3 billion dollar chip factory in Greyfield - the company's largest investment outside its home market - creating about 1,800 jobs over five years.

The plant will make power-management chips used in electric cars and wind turbines. Construction is due to begin next spring, with first production expected in 2027.

"Greyfield offered us the engineers, the water supply and the grid capacity we need," chief executive Lena Okafor told reporters at the site. "This is a long-term bet on the region."

The regional government will contribute 310 million dollars in grants and tax relief, and the local university will open a training centre for technicians. Korvath said it would also spend 90 million dollars on R&D at the site.

Local unions welcomed the announcement but said they would press the company to sign a collective agreement before hiring starts. Shares in Korvath rose 4 per cent in afternoon trading.
""")

original("en-marathon-01", "en", """
Kiptoo breaks course record at Lakeside Marathon

Daniel Kiptoo broke the course record at the Lakeside Marathon on Sunday, finishing in 2 hours 6 minutes and 41 seconds in cool, still conditions.

Kiptoo, 27, pulled away from a lead group of five runners at the 32-kilometre mark and crossed the line more than a minute ahead of Bekele Tesfaye. The previous record of 2:07:55 had stood since 2015.

In the women's race, home favourite Grace Adeyemi won her first marathon title in 2:23:10, overtaking the early leader in the final three kilometres.

Organisers said a record 31,000 runners started the race, which also raised money for children's hospitals. Several roads in the city centre remained closed until the late afternoon.
""")

original("en-museum-01", "en", """
Museum to return 19 bronze figures to their country of origin

The Ashbury Museum of World Cultures announced on Thursday that it will return 19 bronze figures to the Republic of Marenna, ending a dispute that lasted more than a decade.

The figures, cast in the sixteenth century, were taken from a royal palace during a colonial expedition in 1891 and sold to the museum by a private collector in 1923. Marenna's government first requested their return in 2011.

Museum director Helen Strand said new research into the objects' history had left "no doubt" that they were removed by force. "Keeping them would be impossible to defend," she said.

The bronzes will travel to Marenna next year and go on display in a new national museum in the capital. The Ashbury museum plans to keep high-quality replicas and to share its archive records with Marenna's researchers.
""")

original("en-rail-01", "en", """
Rail workers announce three-day strike over pay

Train drivers and station staff on the Southern Cross network will strike for three days next week after talks over pay broke down, their union said on Friday.

The Federation of Rail Workers said its members would walk out from Tuesday to Thursday, halting almost all passenger services on the network, which carries about 400,000 people a day. The union is seeking a pay rise of 7 per cent; the operator has offered 4.5 per cent over two years.

"Our members have lost ground to inflation for three years running. Enough is enough," said the federation's general secretary, Owen Pryce.

Southern Cross Rail called the strike "deeply disappointing" and urged passengers to work from home where possible. A limited bus replacement service will run on the busiest routes.

Business groups warned that the stoppage could cost city-centre shops and restaurants millions in lost trade. Further talks have not been scheduled.
""")

original("en-hospital-01", "en", """
Hospital waiting lists fall for the first time in four years

The number of patients waiting for planned operations in the Westmarch health region fell by 6 per cent in the last quarter, the first drop in four years, according to figures published on Tuesday.

About 48,500 people were on waiting lists at the end of June, down from 51,600 in March. The sharpest falls were in hip and knee replacements and cataract surgery, where two new day-surgery units opened earlier this year.

Health officials credited extra weekend operating sessions and a scheme that lets patients travel to a less busy hospital. However, waits for mental health services continued to rise, and the region still misses its target of treating nine in ten patients within 18 weeks.

"This is progress, but nobody should think the job is done," said regional health director Amira Saleh.
""")

original("en-harvest-01", "en", """
Dry spring cuts wheat harvest forecast

Farmers in the Calloway plains expect to harvest about 15 per cent less wheat this year after the driest spring in three decades, the regional agriculture board said on Monday.

The board cut its forecast to 2.1 million tonnes from 2.5 million tonnes, warning that yields on unirrigated land could fall by a third. Rainfall between March and May was less than half the long-term average.

"Some fields simply never recovered after planting," said grower Simon Achterberg, who farms 600 hectares near the town of Brill. "We are seeing thin, short plants and small grains."

Prices for milling wheat at the regional exchange rose 8 per cent over the past month. The board said it would ask the government to speed up drought relief payments and to allow emergency grazing on conservation land.
""")

original("en-election-01", "en", """
Independent candidate wins Northfield mayoral race

Independent candidate Sofia Lindqvist was elected mayor of Northfield on Sunday, ending twelve years of rule by the centre-right Civic Alliance.

Lindqvist, a former head teacher, won 52.8 per cent of the vote in the run-off against the Alliance's Martin Hale, who took 47.2 per cent. Turnout was 61 per cent, up from 49 per cent at the last election.

During the campaign Lindqvist promised to freeze public transport fares for two years and to build 3,000 affordable homes. In her victory speech she thanked volunteers and said she would work with all parties on the council.

Hale conceded defeat late on Sunday evening and congratulated his opponent. The new mayor will be sworn in on the first day of next month.
""")

original("en-satellite-01", "en", """
New weather satellite launched successfully

A new weather satellite built to improve storm forecasts was launched on Saturday from the Karsten Space Centre, the national space agency said.

The 2.8-tonne Aurora-3 satellite lifted off at 10:45 a.m. aboard a Corvid-2 rocket and separated from the upper stage 54 minutes later. Ground controllers received its first signals shortly afterwards.

Aurora-3 will orbit at an altitude of 830 kilometres and carries an instrument that measures temperature and humidity through the whole depth of the atmosphere. Scientists say the data could extend reliable forecasts of heavy rain by up to a day.

"This gives forecasters a much sharper view of how storms build," said mission scientist Ines Carvalho. The satellite is expected to begin sending routine data after a six-month testing period.
""")

original("en-wildfire-01", "en", """
Wildfire forces evacuation of hillside villages

Firefighters were battling a large wildfire in the hills above Port Casella on Wednesday after strong winds pushed the flames towards several villages, forcing about 2,000 people to leave their homes.

The fire broke out on Tuesday afternoon in dry scrubland and had burned about 3,400 hectares by Wednesday morning, the regional fire service said. Four water-bombing aircraft and more than 300 firefighters were deployed.

Two houses and a number of farm buildings were destroyed, but no injuries were reported. Authorities closed the coastal road between Port Casella and San Lio.

Temperatures have exceeded 38 degrees for most of the week. Forecasters expect the wind to ease on Thursday, which would give crews a chance to contain the fire.
""")

original("en-rates-01", "en", """
Central bank holds interest rates at 3.75 per cent

The Reserve Bank of Calder kept its main interest rate unchanged at 3.75 per cent on Thursday, saying it needed more evidence that inflation was falling steadily before it could cut borrowing costs.

The decision was expected by most economists. Annual inflation slowed to 3.1 per cent in the latest figures, but the bank said prices for services were still rising too quickly.

Governor Elise Marchetti said the bank was "not in a hurry" to lower rates, but did not rule out a cut later in the year if wage growth continued to cool. Two of the seven members of the monetary policy committee voted for an immediate cut of a quarter point.

The Calder dollar fell slightly after the announcement, while government bond yields edged lower.
""")

original("fr-greve-01", "fr", """
Grève dans les transports : le trafic fortement perturbé à Valmont

Les usagers des transports en commun de Valmont devront s'armer de patience jeudi. À l'appel de trois syndicats, les conducteurs de bus et de tramway cesseront le travail pendant vingt-quatre heures pour protester contre la réorganisation des horaires prévue au printemps.

Selon la régie des transports, seul un bus sur trois circulera et la ligne B du tramway sera totalement interrompue. Les lignes scolaires seront en revanche assurées.

« Nous ne sommes pas opposés au changement, mais personne ne nous a consultés », explique Nadia Ferrand, déléguée syndicale. La direction affirme de son côté que le nouveau plan permettra d'augmenter la fréquence des passages aux heures de pointe.

Une nouvelle réunion de négociation est prévue lundi à la mairie. Les syndicats n'excluent pas un nouveau mouvement la semaine prochaine si aucun accord n'est trouvé.
""")

original("es-incendio-01", "es", """
Un incendio forestal obliga a desalojar dos urbanizaciones en la sierra de Montealto

Un incendio forestal declarado el lunes por la tarde en la sierra de Montealto obligó a desalojar a unos 900 vecinos de dos urbanizaciones cercanas, según informaron los servicios de emergencia.

El fuego, avivado por rachas de viento de hasta 60 kilómetros por hora, ha calcinado ya unas 1.200 hectáreas de pinar y matorral. En las tareas de extinción participan 14 medios aéreos y más de 250 efectivos entre bomberos, agentes forestales y militares.

«Vimos el humo desde la terraza y en media hora ya teníamos las llamas a dos calles», relató Lucía Herrero, una de las vecinas desalojadas, que pasó la noche en el polideportivo municipal.

Las autoridades sospechan que el incendio pudo originarse por una chispa de maquinaria agrícola. La carretera comarcal que une Montealto con Villafría permanece cortada.
""")

original("de-radweg-01", "de", """
Neuer Radschnellweg zwischen Lindenau und Bergheim eröffnet

Nach fast drei Jahren Bauzeit ist am Samstag der erste Radschnellweg der Region eröffnet worden. Die 14 Kilometer lange Strecke verbindet die Innenstadt von Lindenau mit dem Gewerbegebiet in Bergheim und soll vor allem Pendlerinnen und Pendler zum Umsteigen auf das Fahrrad bewegen.

Der Weg ist durchgehend vier Meter breit, beleuchtet und an Kreuzungen weitgehend bevorrechtigt. Die Baukosten beliefen sich auf rund 21 Millionen Euro, von denen der Bund gut zwei Drittel übernahm.

„Wer morgens mit dem Rad schneller im Büro ist als mit dem Auto, steigt auch um“, sagte Oberbürgermeisterin Karin Vogt bei der Eröffnung. Der Fahrradclub lobte das Projekt, forderte aber bessere Anschlüsse an die Wohngebiete.

Zählstellen an der Strecke sollen in den kommenden Monaten erfassen, wie viele Menschen den neuen Weg tatsächlich nutzen.
""")

original("ar-desal-01", "ar", """
افتتاح محطة جديدة لتحلية مياه البحر في مدينة الريان الساحلية

افتتحت السلطات يوم الأحد محطة جديدة لتحلية مياه البحر في مدينة الريان الساحلية، بطاقة إنتاجية تبلغ مئتي ألف متر مكعب يومياً، وهي الأكبر من نوعها في المنطقة.

وقال وزير المياه سامي الحداد خلال حفل الافتتاح إن المحطة ستوفر مياه الشرب لنحو ثمانمئة ألف نسمة، وستخفف الضغط على الآبار الجوفية التي تراجع منسوبها بشكل كبير خلال السنوات الماضية.

وتعمل المحطة بتقنية التناضح العكسي، ويأتي جزء من الطاقة اللازمة لتشغيلها من حقل للألواح الشمسية أقيم على مساحة ثلاثين هكتاراً بالقرب منها. وبلغت تكلفة المشروع نحو ستمئة مليون دولار.

وأعرب عدد من سكان المدينة عن أملهم في أن تنهي المحطة الانقطاعات المتكررة للمياه خلال فصل الصيف، فيما أكدت الوزارة أن التشغيل الكامل سيبدأ مطلع الشهر المقبل.
""")

original("ja-typhoon-01", "ja", """
台風12号、南部に接近　交通機関に大きな乱れ

強い台風12号は10日午後、南部地方に接近し、沿岸部を中心に激しい雨と風が続いている。気象台によると、台風の中心気圧は955ヘクトパスカルで、最大瞬間風速は50メートルに達する見込みだ。

この影響で、特急列車は午後から全線で運転を見合わせ、空港を発着する便もほとんどが欠航となった。管内では約3万世帯が停電している。

気象台は、土砂災害や河川の氾濫に厳重な警戒を呼びかけている。山間部の一部では、24時間の雨量が平年の9月1か月分を超えた。

港町に住む60代の男性は「窓ガラスが割れそうなほどの風で、一晩中眠れなかった」と話した。台風は11日にかけて地方を縦断し、その後は海上に抜ける見通しだ。
""")

original("zh-metro-01", "zh", """
滨江市地铁5号线今日开通运营

滨江市地铁5号线于周六上午正式开通运营。该线路全长28.6公里，共设21座车站，连接城市北部的高铁站与南部的科技园区，是该市第五条投入运营的地铁线路。

据市轨道交通集团介绍，5号线采用六节编组列车，高峰时段发车间隔为3分钟，全程运行时间约50分钟。开通首日，沿线各站客流明显增加，不少市民专程前来体验。

“以前开车上班要一个多小时，现在坐地铁半个小时就到了。”在科技园区工作的李女士说。

市交通部门表示，5号线开通后，全市地铁运营里程将超过150公里。预计到明年底，6号线和7号线的部分区段也将建成通车。
""")

original("hi-monsoon-01", "hi", """
मानसून की पहली बारिश से शहर में जलभराव, कई इलाकों में यातायात ठप

मानसून की पहली तेज़ बारिश ने सोमवार को सुंदरपुर शहर की रफ़्तार थाम दी। सुबह से शुरू हुई बारिश के कारण निचले इलाकों में घुटनों तक पानी भर गया और कई प्रमुख सड़कों पर घंटों जाम लगा रहा।

मौसम विभाग के अनुसार पिछले चौबीस घंटों में शहर में 112 मिलीमीटर बारिश दर्ज की गई, जो इस मौसम में अब तक की सबसे अधिक है। विभाग ने अगले दो दिनों के लिए भारी बारिश की चेतावनी जारी की है।

नगर निगम ने जल निकासी के लिए 40 पंप लगाए हैं और कर्मचारियों की छुट्टियाँ रद्द कर दी गई हैं। स्टेशन रोड पर रहने वाले दुकानदार मोहन वर्मा ने कहा, "हर साल यही हाल होता है, नालों की सफ़ाई समय पर नहीं होती।"

जिला प्रशासन ने एहतियात के तौर पर मंगलवार को सभी स्कूल बंद रखने का आदेश दिया है।
""")

# ------------------------------------------------------------ derivations

COPIES = []  # (id, source id, edit kind, text)


def src_text(source):
    return ORIGINALS[source][1]


def verbatim(doc_id, source, header="", footer=""):
    text = src_text(source)
    if header:
        text = header + "\n\n" + text
    if footer:
        text = text + "\n\n" + footer
    COPIES.append((doc_id, source, "verbatim", text))


def truncated(doc_id, source, paragraphs, suffix=""):
    parts = src_text(source).split("\n\n")
    assert paragraphs < len(parts), doc_id
    text = "\n\n".join(parts[:paragraphs])
    if suffix:
        text += "\n\n" + suffix
    COPIES.append((doc_id, source, "truncated", text))


def edited(doc_id, source, replace=(), drop=()):
    text = src_text(source)
    for sentence in drop:
        assert text.count(sentence) == 1, (doc_id, sentence)
        text = text.replace(sentence, "")
    for old, new in replace:
        assert text.count(old) == 1, (doc_id, old)
        text = text.replace(old, new)
    # Tidy spaces left by dropped sentences.
    text = "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())
    COPIES.append((doc_id, source, "edited", text))


def reworded(doc_id, source, text):
    COPIES.append((doc_id, source, "reworded", text.strip()))


def typography(doc_id, source):
    """Same text with curly quotes, em dashes, NBSPs and HTML entities."""
    text = src_text(source)
    out = []
    open_quote = True
    for ch in text:
        if ch == '"':
            out.append("\u201c" if open_quote else "\u201d")
            open_quote = not open_quote
        elif ch == "'":
            out.append("\u2019")
        else:
            out.append(ch)
    text = "".join(out)
    text = text.replace(" - ", " \u2014 ")
    text = text.replace(" per cent", "\u00a0per cent")
    text = text.replace(" billion", "\u00a0billion")
    text = text.replace("&", "&amp;")
    assert text != src_text(source)
    COPIES.append((doc_id, source, "typography", text))


verbatim("en-quake-02", "en-quake-01",
         header="SANTA IRENE (Northgate Wire)",
         footer="(c) 2024 Northgate Wire. All rights reserved. This material "
                "may not be published, broadcast or redistributed without "
                "permission.")
truncated("en-quake-03", "en-quake-01", 3)
edited("en-quake-04", "en-quake-01",
       replace=[("damaging hundreds of homes", "damaging scores of homes"),
                ("officials said.", "authorities said."),
                ("Residents said the shaking", "Witnesses said the shaking"),
                ("as a precaution", "as a safety precaution")],
       drop=["Valdora sits on a fault system that produced a deadly "
             "earthquake in 1987."])

edited("en-budget-02", "en-budget-01",
       replace=[("on Monday approved", "late on Monday approved"),
                ("said councillor Ravi Menon", "councillor Ravi Menon told "
                 "reporters"),
                ("a pilot scheme", "a one-year pilot scheme")],
       drop=["It takes effect on January 1."])
reworded("en-budget-03", "en-budget-01", """
Harlow Bay passes its biggest-ever spending plan

After a long and at times heated session that stretched past midnight, Harlow Bay's councillors voted 9-4 on Monday to adopt a budget of 412 million dollars for next year, more than the city has ever spent.

Road maintenance gets 38 million dollars, while libraries receive 6.5 million so that all eleven branches can stay open longer. Homeowners face a property tax increase of 2.9 per cent; the mayor had originally sought 4 per cent.

Finance committee chair Dana Whitcombe described the deal as one that keeps essential services running while sparing households a bigger bill. Critics, among them councillor Ravi Menon, said the city leans too much on single-year grants from the state, warning that temporary funds were being used to cover a lasting shortfall.

Among other measures, the city will hire 24 more firefighters and trial free bus passes for people aged over 70. The new budget starts on January 1.
""")

verbatim("en-flood-02", "en-flood-01",
         header="Daily Courier | Regional news\nBy Susan Ward, Regional "
                "Correspondent",
         footer="Copyright 2024 The Daily Courier. Distributed by Courier "
                "Syndicate.")
truncated("en-flood-03", "en-flood-01", 3, suffix="(Story continues)")

typography("en-chip-02", "en-chip-01")

verbatim("en-museum-02", "en-museum-01",
         header="By Tom Reyes, Arts Desk",
         footer="This story was first published by The Ashbury Gazette and "
                "is republished here under a content-sharing agreement.")

edited("en-rail-02", "en-rail-01",
       replace=[("after talks over pay broke down", "after talks over pay "
                 "collapsed"),
                ("halting almost all passenger services", "halting nearly all "
                 "passenger services")],
       drop=["Business groups warned that the stoppage could cost "
             "city-centre shops and restaurants millions in lost trade."])

truncated("en-harvest-02", "en-harvest-01", 3)

verbatim("en-satellite-02", "en-satellite-01",
         header="KARSTEN SPACE CENTRE (SciWire)",
         footer="Reporting by SciWire staff; editing by J. Marsh. "
                "SciWire - science news you can use.")

edited("en-rates-02", "en-rates-01",
       replace=[("kept its main interest rate unchanged", "left its key "
                 "interest rate unchanged"),
                ("expected by most economists", "expected by nearly all "
                 "economists")],
       drop=["The Calder dollar fell slightly after the announcement, while "
             "government bond yields edged lower."])

verbatim("fr-greve-02", "fr-greve-01",
         header="Par la rédaction",
         footer="© La Gazette de Valmont. Tous droits de reproduction "
                "réservés.")

edited("es-incendio-02", "es-incendio-01",
       replace=[("a unos 900 vecinos", "a cerca de 900 vecinos"),
                ("ha calcinado ya unas", "ha arrasado ya unas")],
       drop=["Las autoridades sospechan que el incendio pudo originarse por "
             "una chispa de maquinaria agrícola."])

truncated("de-radweg-02", "de-radweg-01", 2)

verbatim("ar-desal-02", "ar-desal-01",
         header="الريان - وكالة أنباء الساحل",
         footer="جميع الحقوق محفوظة لوكالة أنباء الساحل")

truncated("ja-typhoon-02", "ja-typhoon-01", 3)

edited("hi-monsoon-02", "hi-monsoon-01",
       replace=[("सड़कों पर घंटों जाम लगा रहा", "सड़कों पर लंबा जाम लगा रहा"),
                ("40 पंप लगाए हैं", "चालीस पंप लगाए हैं")],
       drop=["जिला प्रशासन ने एहतियात के तौर पर मंगलवार को सभी स्कूल बंद "
             "रखने का आदेश दिया है।"])

# -------------------------------------------------------------- templates
# Short reports that share one frame but are about different things. They
# are distinct stories and must not be clustered together.

TEMPLATES = []  # (id, lang, text)

STOCK = """
{name} shares {move} after {headline}

Shares of {name} {verb} {pct} per cent to {price} dollars in early trading on {day} after the {sector} company {reason}.

The stock has {ytd_verb} {ytd} per cent since the start of the year. Trading volume was about {volume} times the average of the past 30 days, according to exchange data.

{name} is due to report full quarterly results on {results}. {extra}
"""

for doc_id, fields in [
    ("tpl-stock-dunmore", dict(
        name="Dunmore Foods", move="jump", headline="forecast upgrade",
        verb="rose", pct="6.2", price="48.15", day="Tuesday",
        sector="packaged food", reason="raised its full-year sales forecast "
        "on strong demand for its frozen meals", ytd_verb="gained", ytd="11",
        volume="three", results="November 14",
        extra="Analysts at Harbour Securities raised their price target to "
              "55 dollars.")),
    ("tpl-stock-peregrine", dict(
        name="Peregrine Airlines", move="slide", headline="profit warning",
        verb="fell", pct="4.8", price="12.40", day="Wednesday",
        sector="airline", reason="warned that higher fuel costs would "
        "squeeze profits in the second half", ytd_verb="lost", ytd="9",
        volume="two", results="November 2",
        extra="The carrier also said it would delay the delivery of eight "
              "new aircraft.")),
    ("tpl-stock-halvex", dict(
        name="Halvex Pharma", move="surge", headline="trial success",
        verb="rose", pct="9.1", price="87.30", day="Thursday",
        sector="drug", reason="said a late-stage trial of its asthma "
        "treatment met its main goal", ytd_verb="gained", ytd="23",
        volume="five", results="November 7",
        extra="Halvex plans to seek regulatory approval early next year.")),
]:
    TEMPLATES.append((doc_id, "en", STOCK.format(**fields).strip()))

WEATHER = """
{city} weather: {summary}

{city} can expect {conditions} on {day}, with a high of {high} degrees and a low of {low} degrees overnight. Winds will be {wind}.

The chance of rain is {rain} per cent. {advice} Air quality is expected to be {air}, and pollen levels will be {pollen}.

Sunrise is at {sunrise} and sunset at {sunset}. The outlook for the weekend is {outlook}.
"""

for doc_id, fields in [
    ("tpl-weather-harlow", dict(
        city="Harlow Bay", summary="sunny and warm", conditions="clear skies",
        day="Friday", high="27", low="16", wind="light from the south-west",
        rain="5", advice="Sunscreen is advised around midday.", air="good",
        pollen="high", sunrise="6:02", sunset="20:41",
        outlook="more sunshine with highs near 29 degrees")),
    ("tpl-weather-northfield", dict(
        city="Northfield", summary="showers and a cool breeze",
        conditions="scattered showers", day="Friday", high="14", low="7",
        wind="moderate from the north", rain="70",
        advice="Take an umbrella if you are heading out.", air="good",
        pollen="low", sunrise="6:31", sunset="19:58",
        outlook="drier but cloudy, with highs of 15 degrees")),
    ("tpl-weather-casella", dict(
        city="Port Casella", summary="hot with a risk of storms",
        conditions="hot and humid weather", day="Saturday", high="36",
        low="24", wind="gusty near the coast", rain="40",
        advice="Thunderstorms may develop in the late afternoon.",
        air="moderate", pollen="medium", sunrise="5:48", sunset="20:55",
        outlook="slightly cooler, with highs around 32 degrees")),
]:
    TEMPLATES.append((doc_id, "en", WEATHER.format(**fields).strip()))

# ------------------------------------------------------------------ output


def story_of(doc_id):
    """Story label: the original's id without the copy number."""
    return doc_id.rsplit("-", 1)[0]


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    docs = []  # (id, lang, text, story, edit)
    for doc_id, (lang, text) in ORIGINALS.items():
        docs.append((doc_id, lang, text, story_of(doc_id), "original"))
    for doc_id, source, edit, text in COPIES:
        docs.append((doc_id, ORIGINALS[source][0], text, story_of(source),
                     edit))
    for doc_id, lang, text in TEMPLATES:
        docs.append((doc_id, lang, text, doc_id, "template"))
    ids = [d[0] for d in docs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    # Newsroom order: copies are interleaved with unrelated stories.
    random.Random(20240611).shuffle(docs)
    with open(os.path.join(out_dir, "corpus.jsonl"), "w",
              encoding="utf-8", newline="\n") as corpus, \
            open(os.path.join(out_dir, "truth.jsonl"), "w",
                 encoding="utf-8", newline="\n") as truth:
        for doc_id, lang, text, story, edit in docs:
            corpus.write(json.dumps({"id": doc_id, "lang": lang,
                                     "text": text}, ensure_ascii=False))
            corpus.write("\n")
            truth.write(json.dumps({"id": doc_id, "story": story,
                                    "edit": edit}, ensure_ascii=False))
            truth.write("\n")


if __name__ == "__main__":
    main()
