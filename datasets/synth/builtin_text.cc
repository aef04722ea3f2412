// Built-in base text and tables for the synthetic corpus generator.
//
// The articles are invented, news-like English written for this project
// (no real reporting is quoted). They deliberately contain the features a
// sentence splitter and a normaliser must handle: abbreviations ("U.S.",
// "Mr.", "Jan."), decimals, quotations, apostrophes, ampersands, dashes and
// accented names.
#include <string_view>
#include <vector>

#include "synth.h"

namespace neardup::synth {
namespace {

// Each article: headline, blank line, paragraphs separated by blank lines.
constexpr std::string_view kArticles[] = {
    R"(Central bank holds rates steady as inflation cools

The central bank kept its benchmark interest rate unchanged at 4.25% on Thursday, saying inflation had eased for a third straight month but remained above its target. The decision was expected by most economists polled before the meeting.

"We are not yet in a position to declare victory," the bank's governor, Dr. Helen Marsh, told reporters in the capital. "The labour market is still tight, and wage growth is running at 5.1%, which is well above what is consistent with our goal." She added that the committee would watch the data closely before its next meeting in Sept.

Consumer prices rose 3.2% in the year to October, down from 3.8% in September, according to figures published on Wednesday by the national statistics office. Core inflation, which strips out food and energy, slowed to 3.6%.

Financial markets had priced in a small chance of a cut, and the currency gained 0.4% against the U.S. dollar after the announcement. Government bond yields fell slightly. Analysts at Société Générale said the first reduction could come as early as March if the downward trend continued.

Mr. Thomas Reyes, chief economist at a large Zürich-based asset manager, said the tone of the statement was more cautious than in previous months. "They are buying time," he said. "Nobody wants to repeat the mistakes of the 1970s, when policy was loosened too early and prices took off again."
)",
    R"(Flooding forces thousands from homes after days of heavy rain

More than 12,000 people were evacuated from low-lying districts on Monday after two days of torrential rain pushed rivers over their banks across the northern region. Emergency services said at least four people had died and dozens were missing.

Television pictures showed cars submerged up to their roofs and residents being carried to safety in rubber boats. The regional governor declared a state of emergency and asked the army to help with rescue work.

"The water came up so fast that we had no time to take anything," said Maria José Fernandes, 67, who spent the night in a school gymnasium with her two grandchildren. "We left with the clothes we were wearing."

The national weather service said up to 180 millimetres of rain had fallen in 48 hours, more than the area usually receives in a month. It warned that more storms were likely on Tuesday and Wednesday, and that rivers would remain dangerously high until the weekend.

Scientists have warned that extreme rainfall is becoming more frequent as the climate warms. A report published last year found that the number of severe floods in the region had roughly doubled since the 1990s. Local officials have been criticised for allowing construction on flood plains despite repeated warnings.
)",
    R"(Tech group agrees $4.8 billion takeover of software rival

A leading U.S. technology company said on Tuesday it had agreed to buy a smaller software rival for about $4.8 billion in cash, its largest acquisition in more than a decade. The deal values the target at $62 a share, a premium of 31% to its closing price on Monday.

The combined company will sell cloud tools that help businesses manage data and security. Executives said the merger would produce cost savings of roughly $350 million a year by 2026, partly through job cuts that they declined to quantify.

"This brings together two teams that share a vision of simpler, safer software for every business," the chief executive, Mr. Daniel Okafor, said in a statement. He told analysts on a conference call that the two firms had discussed a tie-up on and off for several years.

Shares in the target jumped 27% in early trading in New York, while the buyer's stock slipped 2.3%. Some investors questioned the price. "It is a full valuation at a time when growth in the sector is slowing," said one fund manager, who asked not to be named.

The transaction is subject to approval by regulators in the U.S. and Europe and by the target's shareholders. The companies said they expected it to close in the second half of next year. Goldman Sachs & Co. and Morgan Stanley advised the buyer.
)",
    R"(Government unveils plan to build 300,000 homes a year

The government on Wednesday set out plans to build 300,000 new homes a year, promising to loosen planning rules and to spend an extra $12 billion on roads, schools and water pipes for new estates. Ministers said the housing shortage was holding back the economy.

Under the proposals, local councils would be given targets for new homes and could lose powers if they failed to meet them. Developers would have to pay a levy to fund infrastructure, and a share of each project would be reserved for affordable rent.

"For too long, young people have been locked out of owning a home," the housing minister, Ms. Aisha Rahman, told parliament. "This plan will change that, and it will do so without concreting over the countryside."

Opposition politicians said the targets were unrealistic given shortages of builders and materials. Environmental groups warned that green belt land would be lost. A spokesman for the main builders' federation welcomed the plan but said the industry needed "certainty, not slogans."

House prices have risen by more than 60% over the past ten years, while wages have grown by about 25%, according to official data. The average first-time buyer now needs a deposit of more than $40,000.
)",
    R"(Striker's late goal keeps title race alive

A goal three minutes from time by striker Luis Müller gave the league leaders a 2-1 win over their closest rivals on Saturday and restored their five-point lead at the top of the table with six games left.

The visitors had gone ahead in the 34th minute through a header from a corner, and for long periods they looked the more dangerous side. The home team levelled just after the hour when a shot from the edge of the area took a deflection and looped over the goalkeeper.

Müller, who joined from a Portuguese club in Jan. for a fee reported to be about 30 million euros, had missed two good chances earlier in the match. "I knew the next one would go in," he said afterwards. "The fans never stopped singing, and that gives you energy."

The visiting coach complained that the winning goal should have been ruled out for a foul in the build-up. "Everyone in the stadium saw it except the referee," he said. The league said it would not comment on individual decisions.

A crowd of 54,318 watched the match, a record for the ground since it was rebuilt in 2015. The two sides meet again in the cup semi-final next month.
)",
    R"(Scientists report progress on malaria vaccine

A new malaria vaccine reduced cases among young children by 75% in a large trial in four African countries, researchers said on Thursday, raising hopes of a cheaper and more effective weapon against a disease that kills more than 600,000 people a year.

The trial involved almost 4,800 children aged between five months and three years in Burkina Faso, Kenya, Mali and Côte d'Ivoire. Children received three doses a month apart followed by a booster a year later. Side effects were mostly mild, such as pain at the injection site and fever.

"These are the best results we have ever seen for a malaria vaccine," said Prof. Adrian Hill, who led the research. He said the vaccine could be made for less than $5 a dose and that a manufacturer in India had agreed to produce more than 100 million doses a year.

Malaria is caused by a parasite spread by mosquito bites. Most deaths are among children under five in sub-Saharan Africa. A first vaccine was approved in 2021, but its supply has been limited and its protection fades over time.

The World Health Organization said it would review the data, which were published in a leading medical journal. Health ministers in several countries said they hoped to begin using the vaccine next year if it was approved.
)",
    R"(Airline cancels hundreds of flights as staff walk out

A national airline cancelled more than 400 flights on Friday as cabin crew began a two-day strike over pay, disrupting the travel plans of about 60,000 passengers at the start of a holiday weekend.

The union representing flight attendants said its members had been offered a pay rise of 3.5% this year, well below inflation. It is seeking 8% and changes to rosters that it says leave crews exhausted. Talks broke down late on Thursday after 14 hours.

"Nobody wants to strike, but our members cannot keep working longer hours for less money in real terms," the union's general secretary said outside the airport at 6 a.m. on Friday. The airline said the union's demands would cost $190 million a year and were "simply unaffordable."

Passengers complained of long queues and little information. "We only found out when we got to the check-in desk," said Jean-Luc Dupré, who had planned to fly to São Paulo with his family. The airline said affected customers could rebook free of charge or claim a full refund.

The government urged both sides to return to talks. It is the third strike at the airline this year, and analysts said the disruption could cost the company up to $25 million a day in lost revenue.
)",
    R"(Oil prices climb after producers agree to extend output cuts

Oil prices rose more than 2% on Monday after major producers agreed at the weekend to extend their output cuts until the end of next year, tightening supply at a time of rising demand in Asia.

Brent crude, the international benchmark, was up $1.84 at $83.20 a barrel by midday in London. U.S. West Texas Intermediate gained $1.71 to $78.95. Both contracts hit their highest levels in six weeks.

The producers said in a statement that they would keep about 2 million barrels a day off the market, roughly 2% of global demand. Some members had pushed for an increase in production, and the meeting ran several hours longer than planned.

"The group has shown once again that it is willing to defend prices," said an analyst at a commodities consultancy in Singapore. He said the market had expected a shorter extension, and that traders were now betting on prices above $90 by the winter.

Higher oil prices are a headache for central banks trying to bring down inflation. Petrol prices in many countries are already close to record highs, and airlines and shipping companies have warned of higher costs.
)",
    R"(Museum returns looted artefacts to their country of origin

A major European museum on Tuesday handed back 26 bronze sculptures that were taken by colonial soldiers more than a century ago, in one of the largest returns of its kind.

The objects, some dating from the 16th century, were removed from a royal palace in 1897 and later sold to collectors and museums around the world. They will be displayed in a new museum being built in the sculptures' home city.

"Today is a day of pride and of healing," the country's culture minister said at a ceremony attended by the museum's director and by descendants of the royal family. "These are not just works of art. They are our history, and they are coming home."

The museum's director, Dr. Ingrid Larsson, who moved from a gallery in Malmö last year, said the institution had a moral duty to return objects acquired by force. She said it was working with researchers to trace the origins of several thousand other items in its collection.

Museums in Europe and the U.S. have faced growing pressure to return artefacts taken during the colonial era. Critics say some institutions have been slow to act, citing laws that prevent them from giving away parts of their collections.
)",
    R"(Carmaker to invest $2 billion in battery plant

A carmaker said on Thursday it would invest $2 billion in a factory to make batteries for electric cars, creating about 3,000 jobs in a region that has lost many manufacturing jobs over the past two decades.

The plant, due to open in 2027, will produce enough batteries for 500,000 cars a year. The company said it had received about $300 million in grants and tax breaks from national and regional governments, and that it had secured long-term supplies of lithium and nickel.

"Electric vehicles are the future of this industry, and we intend to build that future here," the chief executive told workers at the site. Sales of electric cars have risen sharply, but they still account for less than a fifth of new cars sold in most markets.

Local leaders welcomed the announcement. "This is the biggest investment in our region for a generation," said the mayor, Mr. Paolo Bianchi. "It means our young people will not have to leave to find good jobs."

The company's shares rose 1.8% in Frankfurt. Analysts said the investment would help the carmaker compete with Chinese rivals that have built a large lead in battery technology, but warned that demand for electric cars had slowed in some countries as subsidies were cut.
)",
    R"(Wildfire season starts early as drought grips south

Firefighters were battling more than 30 wildfires across the south on Sunday as temperatures climbed above 40 degrees Celsius and strong winds fanned the flames. Several villages were evacuated and a major motorway was closed.

The largest fire had burned about 8,500 hectares of forest and farmland by Sunday evening, according to the regional fire service. Water-bombing aircraft from two neighbouring countries were helping ground crews.

"It is only June, and we are already seeing the kind of fires we used to see in August," said a fire service spokesman. He said the region had received less than half its normal rainfall since Oct., leaving vegetation extremely dry.

Residents described seeing a wall of smoke approaching their homes. "The sky turned orange in the middle of the afternoon," said a café owner in one evacuated village. "We just grabbed the dog and drove."

The government said it would send more firefighters and equipment and would provide emergency payments to people who lost their homes. Officials urged the public to avoid lighting barbecues or using machinery that could cause sparks.
)",
    R"(Retail sales fall as shoppers cut back

Retail sales fell 1.2% in August compared with the previous month, official figures showed on Friday, a bigger drop than economists had expected, as high prices and borrowing costs squeezed household budgets.

Sales of clothing and household goods were particularly weak, while supermarkets reported that shoppers were switching to cheaper own-brand products. Online sales fell for the second month running.

"Consumers are clearly feeling the pinch," said an economist at a London bank. "Real incomes are still below where they were two years ago, and mortgage payments are going up as fixed-rate deals expire." She said the figures raised the risk of a recession in the second half of the year.

Some retailers have reported better trading. A large supermarket chain, owned in part by Nestlé's former chairman, said last week that its sales rose 4% in the three months to August, helped by price cuts on hundreds of products.

The statistics office said poor weather in August may also have kept shoppers at home. Sales volumes were 2.1% lower than a year earlier and remain below their level before the pandemic.
)",
};

constexpr Outlet kOutlets[] = {
    {"Reuters", WrapperKind::kDateline, "LONDON (Reuters) - "},
    {"AP", WrapperKind::kDateline, "NEW YORK, March 3 (AP) \xE2\x80\x94 "},
    {"AFP", WrapperKind::kDateline, "PARIS (AFP) - "},
    {"Bloomberg", WrapperKind::kDateline, "WASHINGTON (Bloomberg) -- "},
    {"Kyodo", WrapperKind::kDateline, "TOKYO, May 12 (Kyodo) - "},
    {"dpa", WrapperKind::kDateline, "BERLIN (dpa) - "},
    {"Xinhua", WrapperKind::kDateline, "BEIJING, June 5 (Xinhua) -- "},
    {"ANSA", WrapperKind::kDateline, "ROME (ANSA) - "},
    {"EFE", WrapperKind::kDateline, "MADRID (EFE) - "},
    {"PTI", WrapperKind::kDateline, "NEW DELHI, April 9 (PTI) - "},
    {"AAP", WrapperKind::kDateline, "SYDNEY (AAP) - "},
    {"CP", WrapperKind::kDateline, "TORONTO (CP) \xE2\x80\x94 "},
    {"Daily Courier", WrapperKind::kByline, "By Jane Smith, Staff Writer"},
    {"Evening Post", WrapperKind::kByline,
     "By Michael Okafor, Business Reporter"},
    {"Metro Tribune", WrapperKind::kByline, "By Laura Chen and David Moreau"},
    {"Gulf Observer", WrapperKind::kByline, "By Ahmed Hassan | Correspondent"},
    {"Lakeside Journal", WrapperKind::kByline, "By Sofia Rossi, Senior Editor"},
    {"National Mirror", WrapperKind::kByline, "By Tom Walsh, Political Editor"},
    {"Harbour Times", WrapperKind::kByline,
     "By Priya Natarajan, Economics Correspondent"},
    {"Herald Weekly", WrapperKind::kByline,
     "By Carlos Mendes, Special to the Herald"},
    {"The Daily Courier", WrapperKind::kCopyright,
     "\xC2\xA9 2024 The Daily Courier. All rights reserved."},
    {"Evening Standard", WrapperKind::kCopyright,
     "Copyright \xC2\xA9 2023 Evening Standard Ltd. All rights reserved."},
    {"Metro Herald", WrapperKind::kCopyright,
     "\xC2\xA9 2024 Metro Herald Media Group. This material may not be "
     "published, broadcast, rewritten or redistributed."},
    {"Westfield Gazette", WrapperKind::kCopyright,
     "(c) 2024 Westfield Gazette"},
    {"Northern Star", WrapperKind::kCopyright,
     "Copyright 2024 Northern Star Newspapers Ltd."},
    {"Coastal Times", WrapperKind::kCopyright,
     "\xC2\xA9 The Coastal Times 2024"},
    {"Capital Chronicle", WrapperKind::kCopyright,
     "\xC2\xA9 2024 Capital Chronicle Inc. All Rights Reserved."},
    {"Valley Press", WrapperKind::kCopyright,
     "Copyright (c) 2024 Valley Press Association"},
    {"Daily Courier Online", WrapperKind::kPromo,
     "Sign up for our morning newsletter at dailycourier.com/newsletter to "
     "get the day's top stories in your inbox. Read more: "
     "https://www.dailycourier.com/news/latest"},
    {"City Wire", WrapperKind::kPromo,
     "Sign up for our free breaking news alerts. Read more: "
     "https://citywire.example.com/world"},
    {"Morning Digest", WrapperKind::kPromo,
     "Enjoyed this article? Sign up for our morning newsletter and never "
     "miss a story. Read more: https://morningdigest.example.org/top"},
    {"Global Brief", WrapperKind::kPromo,
     "Sign up for Global Brief, our weekly newsletter on world affairs. "
     "Read more: https://globalbrief.example.net/latest"},
    {"Sunrise News", WrapperKind::kPromo,
     "Follow us on social media and sign up for our morning newsletter. "
     "Read more: https://sunrisenews.example.com/more"},
    {"Market Pulse", WrapperKind::kPromo,
     "Sign up for the Market Pulse newsletter for the day's market-moving "
     "news. Read more: https://marketpulse.example.com/news"},
    {"Aggregator One", WrapperKind::kNone, ""},
    {"NewsHub", WrapperKind::kNone, ""},
    {"Feedline", WrapperKind::kNone, ""},
    {"Portal Today", WrapperKind::kNone, ""},
};

// Synonym groups: a few hundred common news words.
constexpr std::string_view kSynonymGroups[] = {
    "said|stated|noted",
    "says|states|notes",
    "told|informed",
    "added|continued",
    "announced|declared|unveiled",
    "reported|disclosed|revealed",
    "warned|cautioned",
    "expected|anticipated|forecast",
    "rose|climbed|increased|gained",
    "fell|dropped|declined|slipped",
    "jumped|surged|soared",
    "slumped|plunged|tumbled",
    "rise|increase|gain",
    "fall|drop|decline",
    "big|large|major",
    "small|minor|modest",
    "biggest|largest",
    "smaller|lesser",
    "important|significant|key",
    "main|principal|chief",
    "help|assist|aid",
    "helped|assisted|aided",
    "buy|purchase|acquire",
    "bought|purchased|acquired",
    "sell|offload",
    "sold|offloaded",
    "plan|proposal|scheme",
    "plans|proposals|schemes",
    "company|firm|business",
    "companies|firms|businesses",
    "group|company",
    "deal|agreement|transaction",
    "talks|negotiations|discussions",
    "meeting|session",
    "official|spokesman",
    "officials|authorities",
    "government|administration",
    "minister|secretary",
    "leader|head",
    "leaders|chiefs",
    "people|residents",
    "workers|employees|staff",
    "jobs|positions|posts",
    "job|post|position",
    "country|nation",
    "countries|nations",
    "city|town",
    "area|region|district",
    "areas|regions|districts",
    "begin|start|commence",
    "began|started|commenced",
    "end|finish|conclude",
    "ended|finished|concluded",
    "show|reveal|indicate",
    "showed|revealed|indicated",
    "shows|reveals|indicates",
    "make|create|produce",
    "made|created|produced",
    "get|obtain|receive",
    "got|received|obtained",
    "give|provide|offer",
    "gave|provided|offered",
    "need|require",
    "needed|required",
    "needs|requires",
    "try|attempt|seek",
    "tried|attempted|sought",
    "use|employ|utilise",
    "used|employed|utilised",
    "keep|retain|maintain",
    "kept|retained|maintained",
    "cut|reduce|lower",
    "cuts|reductions",
    "reduced|lowered|trimmed",
    "raise|lift|boost",
    "raised|lifted|boosted",
    "hit|struck",
    "find|discover",
    "found|discovered",
    "think|believe",
    "believed|thought",
    "believe|think",
    "ask|request",
    "asked|requested",
    "call|urge",
    "called|urged",
    "allow|permit|enable",
    "allowed|permitted|enabled",
    "stop|halt|end",
    "stopped|halted",
    "quickly|rapidly|swiftly",
    "slowly|gradually",
    "about|around|roughly|approximately",
    "almost|nearly|virtually",
    "also|additionally|furthermore",
    "very|extremely|highly",
    "recent|latest",
    "recently|lately",
    "new|fresh",
    "old|former",
    "high|elevated",
    "higher|greater",
    "low|weak",
    "lower|weaker",
    "strong|robust|solid",
    "stronger|firmer",
    "weaker|softer",
    "early|initial",
    "late|delayed",
    "last|previous|prior",
    "next|following|coming",
    "month|period",
    "week|period",
    "money|funds|cash",
    "cost|price",
    "costs|expenses",
    "prices|costs",
    "profit|earnings",
    "profits|earnings",
    "revenue|sales|turnover",
    "shares|stock",
    "investors|shareholders",
    "market|sector",
    "markets|exchanges",
    "growth|expansion",
    "problem|issue|difficulty",
    "problems|issues|difficulties",
    "crisis|emergency",
    "attack|assault|strike",
    "killed|slain",
    "died|perished",
    "injured|wounded|hurt",
    "police|officers",
    "troops|soldiers|forces",
    "fight|battle|struggle",
    "fighting|combat",
    "war|conflict",
    "protest|demonstration",
    "protesters|demonstrators",
    "election|vote|poll",
    "voters|electors",
    "law|legislation",
    "rules|regulations",
    "court|tribunal",
    "judge|justice",
    "case|lawsuit",
    "report|study",
    "reports|studies",
    "data|figures|statistics",
    "figure|number",
    "figures|numbers",
    "analysts|experts|observers",
    "analyst|expert|observer",
    "statement|release",
    "interview|conversation",
    "decision|ruling",
    "decided|chose|opted",
    "agreed|consented",
    "refused|declined|rejected",
    "support|backing",
    "supported|backed|endorsed",
    "oppose|resist",
    "opposed|resisted",
    "criticised|condemned|attacked",
    "welcomed|praised|hailed",
    "claimed|alleged|asserted",
    "denied|rejected",
    "confirmed|verified",
    "explained|clarified",
    "described|characterised",
    "suggested|proposed",
    "hope|expectation",
    "hopes|expectations",
    "fears|concerns|worries",
    "concern|worry",
    "risk|danger|threat",
    "risks|dangers|threats",
    "change|shift",
    "changes|shifts",
    "changed|altered|modified",
    "effect|impact",
    "impact|effect|consequence",
    "result|outcome",
    "results|outcomes",
    "reason|cause",
    "move|step",
    "moves|steps|measures",
    "measure|step",
    "action|measures",
    "region|area|zone",
    "building|structure",
    "buildings|structures",
    "home|house",
    "homes|houses|dwellings",
    "children|kids|youngsters",
    "women|females",
    "men|males",
    "family|relatives",
    "families|households",
    "school|college",
    "hospital|clinic",
    "doctors|physicians",
    "disease|illness",
    "vaccine|jab",
    "weather|conditions",
    "rain|rainfall|downpour",
    "storm|tempest",
    "fire|blaze",
    "fires|blazes",
    "flood|deluge",
    "damage|destruction",
    "travel|journey",
    "trip|journey|visit",
    "flights|services",
    "passengers|travellers",
    "customers|clients|consumers",
    "shoppers|consumers",
    "goods|products|items",
    "products|goods",
    "supply|provision",
    "demand|appetite",
    "plant|factory|facility",
    "factory|plant|works",
    "project|scheme|initiative",
    "programme|scheme",
    "tax|levy",
    "taxes|levies",
    "debt|borrowing",
    "loan|credit",
    "bank|lender",
    "banks|lenders",
    "rate|level",
    "rates|levels",
    "target|goal|aim",
    "level|degree",
    "total|overall",
    "many|numerous",
    "whole|entire",
    "each|every",
    "other|additional",
    "likely|probable",
    "possible|potential",
    "clear|evident|obvious",
    "difficult|hard|tough",
    "easy|simple",
    "serious|grave|severe",
    "huge|enormous|massive",
    "close|near",
    "far|distant",
    "fast|rapid|quick",
    "slow|sluggish",
    "sharp|steep",
    "sharply|steeply",
    "strongly|firmly",
    "widely|broadly",
    "currently|presently|now",
    "later|subsequently",
    "earlier|previously",
    "soon|shortly",
    "still|yet",
    "however|nevertheless",
    "because|since|as",
    "during|throughout",
    "after|following",
    "against|versus",
    "between|among",
    "within|inside",
    "without|lacking",
    "across|throughout",
    "such|these",
    "often|frequently",
    "usually|typically|normally",
    "mostly|largely|mainly",
    "only|just|merely",
    "rather|quite",
    "particularly|especially",
    "really|truly",
    "around|roughly",
    "week's|weekly",
};

// Function-word changes used by rewording.
constexpr std::string_view kFunctionWordGroups[] = {
    "the|a",        "that|which",      "in|at",      "on|upon",
    "will|would",   "is|was",          "has|had",    "are|were",
    "can|could",    "may|might",       "this|that",  "these|those",
    "while|whilst", "although|though", "until|till", "if|whether",
    "who|that",     "to|towards",      "by|through", "for|towards",
    "of|from",      "with|alongside",  "but|yet",    "and|plus",
    "its|their",    "it|this",         "an|one",     "not|never",
    "over|above",   "under|below",     "into|onto",  "than|then",
};

// Distractor frames. The first line is the headline. Slots: see synth.cc.
constexpr std::string_view kTemplateFrames[] = {
    // Stocks.
    "{company} shares {moved} {pct}% on {weekday}\n\n"
    "Shares of {company} ({ticker}) {moved} {pct}% to ${price} in {city} "
    "trading on {weekday}, after {volume} shares changed hands, compared "
    "with a 50-day average of {avg_volume} shares. The stock has traded "
    "between ${low52} and ${high52} over the past 52 weeks, and the broader "
    "market index {index_moved} {index_pct}% on the day.\n\n"
    "This report was generated automatically from exchange data and has not "
    "been reviewed by an editor. Prices are delayed by at least 15 minutes "
    "and are provided for information only, not for trading purposes. Past "
    "performance is not a reliable guide to future returns.\n\n"
    "Market data provided by FactStream. Copyright 2024 FactStream Ltd. All "
    "rights reserved.",
    // Weather.
    "{city} weather for {weekday}: {condition}, high of {high} degrees\n\n"
    "The forecast for {city} on {weekday} calls for {condition} with a high "
    "of {high} degrees and a low of {low} degrees. Winds will blow from the "
    "{wind_dir} at {wind} km/h, and the chance of rain is {rain}%. Sunrise "
    "is at {sunrise} and sunset at {sunset}.\n\n"
    "Forecasts are produced from national weather service models and are "
    "updated every three hours. Conditions can change quickly, so check the "
    "latest warnings before travelling and follow the advice of local "
    "authorities during severe weather.\n\n"
    "Weather data supplied by the Meteo Desk. Sign up for daily forecasts at "
    "meteodesk.example.com.",
    // Sports results.
    "{team1} {score1}-{score2} {team2}: {player} on target as {team1} "
    "{beat}\n\n"
    "{team1} {beat} {team2} {score1}-{score2} at {venue} on {weekday}, with "
    "{player} scoring in the {minute}th minute in front of a crowd of "
    "{attendance}. {team1} are now {position} in the table with {points} "
    "points from {played} matches, while {team2} have {points2} points.\n\n"
    "Results are compiled from official league data. Kick-off times and "
    "fixtures are subject to change by the league and broadcasters. For full "
    "tables, fixtures and statistics visit our sports data centre.\n\n"
    "Sports data provided by ScoreLine Data Services.",
    // Currencies.
    "{currency} {fx_moved} against the dollar on {weekday}\n\n"
    "The {currency} {fx_moved} {fx_pct}% to {fx_rate} per U.S. dollar in "
    "{city} on {weekday}, its {streak} straight session of {direction_noun}. "
    "Dealers said volumes were {volume_adj} ahead of {event} data due later "
    "in the week.\n\n"
    "Exchange rates are indicative mid-market rates at 1600 GMT and may "
    "differ from the rates offered by banks and bureaux de change. They are "
    "published for information only and do not constitute an offer to buy "
    "or sell any currency.\n\n"
    "Currency data provided by FX Wire. Copyright 2024 FX Wire Ltd.",
};

constexpr std::string_view kCompanies[] = {
    "Northwind Holdings",   "Apex Minerals",    "Bluewater Energy",
    "Crestline Foods",      "Delta Logistics",  "Evergreen Pharma",
    "Falcon Aerospace",     "Granite Telecom",  "Harbor Financial",
    "Ironwood Steel",       "Juniper Retail",   "Keystone Insurance",
    "Lumen Semiconductors", "Meridian Media",   "Nova Biotech",
    "Orion Shipping",       "Pinnacle Motors",  "Quantum Software",
    "Redwood Utilities",    "Summit Chemicals", "Titan Construction",
    "Union Beverages",      "Vertex Health",    "Westbrook Paper",
    "Yellowstone Airlines", "Zenith Hotels",    "Atlas Rail",
    "Beacon Foods",         "Cobalt Mining",    "Dunmore Brewing",
};

constexpr std::string_view kCities[] = {
    "London",    "New York",  "Frankfurt",    "Paris",     "Tokyo",
    "Hong Kong", "Singapore", "Sydney",       "Toronto",   "Zürich",
    "Madrid",    "Milan",     "Mumbai",       "Seoul",     "Chicago",
    "Dubai",     "Stockholm", "Amsterdam",    "Brussels",  "Vienna",
    "Warsaw",    "Istanbul",  "Johannesburg", "São Paulo", "Mexico City",
    "Cairo",     "Nairobi",   "Lagos",        "Jakarta",   "Manila",
    "Bangkok",   "Oslo",      "Helsinki",     "Dublin",    "Lisbon",
    "Athens",    "Prague",    "Budapest",     "Montréal",  "Bogotá",
};

constexpr std::string_view kTeams[] = {
    "Riverside United",     "Northgate City",   "Harbour Rovers",
    "Kingsbridge Athletic", "Millfield Town",   "Eastport Wanderers",
    "Castle Vale",          "Ashford Albion",   "Redcliffe Rangers",
    "Stonebridge FC",       "Westhaven Celtic", "Oakham Dynamos",
    "Lakeside Athletic",    "Highmoor United",  "Brockwell Town",
    "Fairview Rovers",      "Granton City",     "Marlow Saints",
};

constexpr std::string_view kPlayers[] = {
    "Luis Müller",    "Samuel Osei",  "Tomás Herrera",  "Jonas Berg",
    "Kenji Watanabe", "Marco Rossi",  "Ibrahim Diallo", "Lucas Moreau",
    "Andrés Peña",    "Oliver Grant", "Mateo Silva",    "Noah Fischer",
    "Rafael Costa",   "Ethan Walker", "Yusuf Demir",    "Leo Novak",
};

constexpr std::string_view kVenues[] = {
    "Riverside Park",   "the Northgate Stadium", "Harbour Road",
    "Kingsbridge Lane", "the Millfield Arena",   "Eastport Ground",
    "Castle Park",      "the Albion Stadium",    "Redcliffe Road",
    "Stonebridge Park",
};

constexpr std::string_view kWeatherConditions[] = {
    "sunny skies",    "scattered showers", "heavy rain",
    "light snow",     "thunderstorms",     "patchy fog",
    "overcast skies", "sunny spells",      "strong winds and rain",
    "clear skies",    "sleet and hail",    "hazy sunshine",
};

constexpr std::string_view kCurrencies[] = {
    "euro",
    "yen",
    "pound",
    "Swiss franc",
    "Canadian dollar",
    "Australian dollar",
    "yuan",
    "rupee",
    "won",
    "peso",
    "real",
    "rand",
    "lira",
    "krona",
};

constexpr std::string_view kCaptions[] = {
    "An archive photo taken in {city}.",
    "People walk past a sign in {city} on {weekday}.",
    "A general view of the scene in {city}.",
    "File photo: officials speak to reporters in {city}.",
    "A man looks on during an event in {city}.",
    "Traffic moves along a main road in central {city}.",
    "Security forces stand guard outside a building in {city}.",
    "A worker at a site on the outskirts of {city}.",
};

constexpr std::string_view kPhotoCredits[] = {
    "(AFP)", "(Reuters)",           "Photo: AP",
    "(EPA)", "Photo: Getty Images", "(Asharq Al-Awsat)",
};

constexpr std::string_view kLayoutTokens[] = {"TT", "Share", "Print", "AA"};

constexpr std::string_view kHeadlinePrefixes[] = {
    "UPDATE 1-",  "UPDATE 2-", "EXCLUSIVE-", "BREAKING: ",
    "Analysis: ", "WRAPUP 1-", "CORRECTED-", "FACTBOX-",
};

constexpr std::string_view kWeekdays[] = {"Monday",   "Tuesday", "Wednesday",
                                          "Thursday", "Friday",  "Saturday",
                                          "Sunday"};

constexpr std::string_view kMonths[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

template <typename T, size_t N>
std::vector<T> ToVector(const T (&array)[N]) {
  return std::vector<T>(array, array + N);
}

}  // namespace

const BuiltinTables& GetBuiltinTables() {
  static const BuiltinTables* const tables = [] {
    auto* t = new BuiltinTables;
    t->articles = ToVector(kArticles);
    t->outlets = ToVector(kOutlets);
    t->synonym_groups = ToVector(kSynonymGroups);
    t->function_word_groups = ToVector(kFunctionWordGroups);
    t->template_frames = ToVector(kTemplateFrames);
    t->companies = ToVector(kCompanies);
    t->cities = ToVector(kCities);
    t->teams = ToVector(kTeams);
    t->players = ToVector(kPlayers);
    t->venues = ToVector(kVenues);
    t->weather_conditions = ToVector(kWeatherConditions);
    t->currencies = ToVector(kCurrencies);
    t->captions = ToVector(kCaptions);
    t->photo_credits = ToVector(kPhotoCredits);
    t->layout_tokens = ToVector(kLayoutTokens);
    t->headline_prefixes = ToVector(kHeadlinePrefixes);
    t->weekdays = ToVector(kWeekdays);
    t->months = ToVector(kMonths);
    return t;
  }();
  return *tables;
}

}  // namespace neardup::synth
