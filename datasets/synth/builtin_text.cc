// Built-in base text and tables for the synthetic corpus generator.
//
// The built-in base is a story grammar (kGrammar, below): templates over
// large vocabularies of invented people, organisations and towns, numbers
// and dates, specialised by topic, from which GenerateBuiltinArticle draws
// an unbounded supply of distinct news-like stories. Each story binds its
// cast, organisation, town, day and central subject once, so they recur
// across its sentences as in real reporting, while different stories share
// little beyond common phrases. Generated text has the features a sentence
// splitter and a normaliser must handle: abbreviations ("Mr.", "a.m.",
// "LLP"), decimals and currency symbols, quotations, apostrophes,
// ampersands and accented names.
//
// The hand-written articles (kArticles) are invented, news-like English
// written for this project (no real reporting is quoted); they are fixed
// text fixtures and not part of the generated base.
#include <algorithm>
#include <array>
#include <cstdio>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "synth.h"

namespace neardup::synth {
namespace {

absl::string_view AV(std::string_view s) { return {s.data(), s.size()}; }

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

// ---------------------------------------------------------------------------
// Story grammar: shared vocabulary. Names and organisations are invented
// (combinations of common name parts); countries and world cities are real
// places used only as settings.

struct RuleText {
  std::string_view name;
  std::string_view alternatives;  // separated by '|'
};

constexpr RuleText kGrammar[] = {
    // --- People.
    {"first_m",
     "James|John|Robert|Michael|David|Richard|Thomas|Daniel|Matthew|Andrew|"
     "Mark|Paul|Steven|Kevin|Brian|George|Edward|Peter|Simon|Graham|Stuart|"
     "Neil|Gareth|Rhys|Owen|Callum|Liam|Connor|Declan|Seamus|Ciarán|"
     "Pádraig|Hamish|Angus|Fraser|Mohammed|Ahmed|Omar|Yusuf|Tariq|Imran|"
     "Hassan|Karim|Rashid|Samir|Raj|Arjun|Vikram|Sanjay|Rohan|Anil|Kenji|"
     "Hiroshi|Takeshi|Wei|Jian|Min-jun|Luis|Carlos|José|Javier|Andrés|"
     "Diego|Mateo|Pablo|Rafael|João|Tiago|Marco|Luca|Giovanni|Stefano|"
     "Matteo|Pierre|François|Jérôme|Étienne|Lucas|Hugo|Klaus|Jürgen|Stefan|"
     "Lukas|Tobias|Jonas|Henrik|Lars|Søren|Mikael|Nikolai|Dmitri|Ivan|"
     "Piotr|Tomasz|Marek|Jan|Pavel|Kwame|Kofi|Chidi|Emeka|Tunde|Samuel|"
     "Joseph|Emmanuel|Isaac|Benjamin|Nathan|Aaron|Elijah|Noah|Oliver|Harry|"
     "Jack|Charlie|Alfie|Ethan|Ryan|Tyler|Marcus|Victor|Felix|Oscar|Hector|"
     "Ibrahim|Mustafa|Emre|Burak|Nikos|Yannis|Dimitris|Anton|Bruno|Cedric|"
     "Dominic|Elliot|Gordon|Howard|Ian|Jonathan|Keith|Leonard|Malcolm|"
     "Nigel|Patrick|Quentin|Rupert|Scott|Terence|Vincent|Warren|Adrián|"
     "Bastian|Caspar|Florian|Gaël|Joaquín|Ramón|Sébastien|Thierry|Ulrich"},
    {"first_f",
     "Mary|Sarah|Emma|Laura|Rachel|Rebecca|Catherine|Elizabeth|Helen|Claire|"
     "Fiona|Joanne|Nicola|Louise|Victoria|Charlotte|Sophie|Hannah|Emily|"
     "Grace|Chloe|Megan|Lucy|Amy|Jessica|Olivia|Amelia|Isla|Niamh|Siobhán|"
     "Aoife|Róisín|Mairéad|Eilidh|Morag|Fatima|Aisha|Leila|Yasmin|Noor|"
     "Mariam|Zainab|Amira|Priya|Ananya|Deepa|Sunita|Kavita|Meera|Yuki|"
     "Akiko|Haruka|Mei|Lin|Xiu|Ji-woo|Seo-yeon|María|Carmen|Lucía|Sofía|"
     "Elena|Isabel|Ana|Beatriz|Inês|Giulia|Francesca|Chiara|Alessia|Marie|"
     "Camille|Chloé|Élodie|Amélie|Léa|Anna|Katrin|Sabine|Ulrike|Heike|"
     "Ingrid|Astrid|Freya|Sigrid|Maja|Agnieszka|Katarzyna|Magdalena|Olga|"
     "Natalia|Irina|Svetlana|Tatiana|Ama|Abena|Ngozi|Chiamaka|Amara|Folake|"
     "Wanjiru|Zanele|Thandiwe|Naledi|Ruth|Esther|Miriam|Deborah|Naomi|"
     "Abigail|Zoë|Noémie|Ayşe|Elif|Zeynep|Eleni|Sofia|Daphne|Alison|"
     "Bridget|Caroline|Diane|Eleanor|Frances|Gillian|Harriet|Imogen|Janet|"
     "Karen|Lorna|Margaret|Nadia|Orla|Pauline|Rosalind|Sandra|Teresa|"
     "Valerie|Wendy|Yvonne|Adèle|Bérénice|Céline|Dolores|Hélène|Mónica|"
     "Renée|Solène"},
    {"surname",
     "{surname_list}|{surname_list}|{surname_list}|{sn_head}{sn_tail}|"
     "{sn_head}{sn_tail}|Mc{sn_mc}|O'{sn_o}"},
    {"sn_head",
     "Ash|Black|Brad|Brook|Chad|Clay|Cole|Cran|Dal|Dun|Elling|Fair|Glad|"
     "Hal|Hay|Hol|Kirk|Lang|Mar|Mid|Mill|Moor|New|North|Oak|Pen|Rad|Ridge|"
     "Rock|Sand|Shel|Stan|Stock|Thorn|Wake|Wal|West|Whit|Wood|Al|Bar|Bel|"
     "Bur|Car|Cas|Chal|Cot|Craw|Cres|Dar|Dray|Ed|Far|Fen|Gos|Har|Hart|"
     "Hen|Hux|Kel|Lind|Lock|Mal|Mort|Nor|Ox|Pel|Pres|Ram|Ros|Rut|Sal|"
     "Shaw|Sher|Sut|Tal|Ted|Wen|Wil|Win|Wor"},
    {"sn_tail",
     "ley|ton|ford|wood|worth|field|ham|by|well|more|stone|bridge|cliffe|"
     "hurst|combe|shaw|wick|den|ridge|land|brook|croft|dale|lowe|mere|"
     "thorpe|wright|ing|sby|stead"},
    {"sn_mc",
     "Allister|Bride|Cann|Carthy|Clure|Connell|Cormack|Crae|Donald|Dougall|"
     "Ewan|Fadden|Garry|Gowan|Grath|Intyre|Kay|Kenna|Kenzie|Laren|Lean|"
     "Leod|Mahon|Manus|Namara|Neill|Pherson|Quade|Rae|Sweeney|Taggart|"
     "Vey|Whirter"},
    {"sn_o",
     "Brien|Connor|Donnell|Driscoll|Dwyer|Hara|Keefe|Leary|Mahony|Malley|"
     "Neill|Regan|Reilly|Rourke|Shea|Sullivan|Toole|Callaghan|Donovan"},
    {"surname_list",
     "Smith|Jones|Taylor|Brown|Williams|Wilson|Johnson|Davies|Robinson|"
     "Wright|Thompson|Evans|Walker|White|Roberts|Green|Hall|Wood|Jackson|"
     "Clarke|Patel|Khan|Lewis|James|Phillips|Mason|Mitchell|Rose|Davis|"
     "Rodriguez|Cox|Alexander|Morgan|Moore|Marshall|Murray|Hughes|Griffiths|"
     "Lloyd|Price|Pritchard|Llewellyn|Gallagher|Kavanagh|Fitzgerald|Byrne|"
     "Doyle|Quinn|Fraser|Sinclair|Drummond|Buchanan|Cameron|Ferguson|Grant|"
     "Munro|Shah|Mehta|Iyer|Reddy|Nair|Chatterjee|Banerjee|Kapoor|"
     "Malhotra|Singh|Gupta|Verma|Rao|Desai|Joshi|Qureshi|Siddiqui|Hussain|"
     "Rahman|Chowdhury|Haddad|Khalil|Mansour|Nasser|Saleh|Farouk|Aziz|"
     "Hamdan|Karimi|Tehrani|Moradi|Yilmaz|Kaya|Demir|Şahin|Çelik|Öztürk|"
     "Aydın|Papadopoulos|Georgiou|Nikolaidis|Economou|Wang|Li|Zhang|Liu|"
     "Chen|Yang|Huang|Zhao|Wu|Zhou|Tanaka|Suzuki|Takahashi|Watanabe|Ito|"
     "Yamamoto|Nakamura|Kobayashi|Sato|Kim|Lee|Park|Choi|Jung|Kang|Cho|"
     "Yoon|Nguyen|Tran|Pham|Le|Hoang|Santos|Silva|Oliveira|Pereira|Costa|"
     "Ferreira|Almeida|Carvalho|Gonçalves|Ribeiro|García|Martínez|López|"
     "Sánchez|Pérez|Gómez|Fernández|Díaz|Moreno|Muñoz|Álvarez|Romero|"
     "Navarro|Ortega|Ibáñez|Peña|Castillo|Vargas|Herrera|Medina|Rossi|Russo|"
     "Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|"
     "Gallo|Conti|De Luca|Mancini|Lombardi|Moretti|Barbieri|Fontana|"
     "Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|"
     "Moreau|Simon|Laurent|Lefèvre|Michel|Garnier|Faure|Rousseau|Blanc|"
     "Guérin|Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|"
     "Schulz|Hoffmann|Schäfer|Koch|Richter|Klein|Wolf|Schröder|Neumann|"
     "Schwarz|Zimmermann|Braun|Krüger|Hofmann|Hartmann|Lange|Werner|Krause|"
     "Lehmann|Köhler|Jansen|de Vries|van Dijk|Bakker|Visser|Smit|Meijer|"
     "de Boer|Mulder|Bos|Vos|Peeters|Janssens|Maes|Jacobs|Willems|"
     "Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Olsen|Hansen|"
     "Nielsen|Pedersen|Jensen|Halvorsen|Berg|Lindqvist|Virtanen|Korhonen|"
     "Mäkinen|Nieminen|Nowak|Kowalski|Wiśniewski|Wójcik|Kowalczyk|"
     "Kamiński|Lewandowski|Zieliński|Szymański|Dąbrowski|Novák|Svoboda|"
     "Dvořák|Černý|Horváth|Nagy|Kovács|Szabó|Tóth|Popescu|Ionescu|Dumitru|"
     "Stoica|Ivanov|Petrov|Sokolov|Volkov|Kuznetsov|Popov|Morozov|Lebedev|"
     "Novikov|Kozlov|Shevchenko|Bondarenko|Kovalenko|Tkachenko|Mensah|"
     "Owusu|Boateng|Asante|Okafor|Okonkwo|Adeyemi|Balogun|Eze|Nwosu|"
     "Abubakar|Bello|Mwangi|Otieno|Kamau|Wanjiku|Ndlovu|Dlamini|Nkosi|"
     "Mokoena|Botha|Van der Merwe|Cohen|Levy|Mizrahi|Friedman|Katz|"
     "Rosenberg|Goldberg|Abramowitz|Sorensen|Lindgren|Holm|Dahl|Strand|"
     "Bergström|Sandberg|Kerr|Baird|Crawford|Dunlop|Henderson|Lamont|"
     "Ogilvy|Rennie|Tennant|Whyte|Abbott|Barker|Chambers|Dawson|Fletcher|"
     "Gibbs|Holloway|Ingram|Jenkins|Kemp|Lambert|Nash|Osborne|Parsons|"
     "Rowe|Slater|Tucker|Vaughan|Webb|Yates|Atkinson|Bennett|Carter|"
     "Dixon|Ellis|Foster|Gray|Harvey|Irving|Knight|Lawrence|Mills|Norris|"
     "Owens|Palmer|Reeves|Spencer|Turner|Underwood|Walsh"},
    {"person", "{first_m} {surname}|{first_f} {surname}"},
    {"occupation",
     "teacher|nurse|taxi driver|farmer|shopkeeper|engineer|builder|care "
     "worker|bus driver|pharmacist|chef|electrician|postal worker|"
     "accountant|hairdresser|fisherman|cleaner|plumber|librarian|midwife|"
     "software developer|dairy farmer|delivery driver|lorry driver|café "
     "owner|police officer|paramedic|baker|mechanic|carpenter|warehouse "
     "worker|web designer|market trader|solicitor|dentist|architect|"
     "social worker|gardener|welder|estate agent|optician|printer"},
    {"person_kind",
     "{occupation}|{occupation}|retired {occupation}|mother of "
     "{small_word}|father of {small_word}|grandmother|pensioner|"
     "volunteer|student|graduate|former {occupation}|trainee "
     "{occupation}"},
    {"small_word", "two|three|four|five|six"},
    {"witness",
     "a {#age}-year-old {person_kind} from {town}|a {person_kind} who "
     "lives near {place_feature}|a {person_kind} in {=TOWN}|a local "
     "{person_kind}|who runs a {small_business} in {=TOWN}|a "
     "{person_kind} who has lived in {=TOWN} for {#int} years|a "
     "{person_kind} from {town}|{#age}, a {person_kind} from {town}"},
    {"small_business",
     "bakery|hardware shop|guest house|florist|garage|pub|bookshop|"
     "butcher's shop|dry cleaner's|corner shop|bicycle repair shop|"
     "fishmonger's|tea room|launderette|barber's shop|furniture workshop"},
    {"place_feature",
     "the {town_head} bridge|the old {building}|the ring road|the harbour|"
     "the station|the town centre|the river|the market square|the "
     "industrial estate|the {town_head} roundabout|the high street"},
    {"building",
     "mill|brewery|foundry|power station|cinema|post office|town hall|"
     "library|gasworks|cattle market|hospital|bus depot"},

    // --- Places. Towns are invented: a head and a tail ("Ashbury").
    {"town",
     "{town_head}{town_tail}|{town_head}{town_tail}|{town_head} "
     "{town_word}|{town_head}{town_tail}-on-{river_name}"},
    {"town_head",
     "Ash|Bal|Brack|Brad|Bram|Brent|Cal|Calder|Carn|Chester|Clay|Col|Craig|"
     "Dal|Dray|Dun|Elm|Fal|Farn|Fen|Gar|Glen|Grant|Gris|Hal|Harrow|Hav|"
     "Hazel|Hol|Ips|Kel|Ken|Kil|Kings|Lang|Lin|Lock|Long|Mal|Mar|Marl|Mel|"
     "Mill|Mor|Nant|Nor|Oak|Old|Pen|Pin|Port|Quar|Raven|Red|Ros|Rush|Sal|"
     "Sax|Sel|Shep|Staf|Stan|Stour|Strat|Sud|Sun|Swan|Tam|Tarn|Thorn|Tol|"
     "Tre|Ul|Up|Wal|War|Wen|Wester|Whit|Wick|Wil|Win|Wolver|Wood|Wyn|York|"
     "Ald|Ames|Arn|Bex|Bide|Bur|Cran|Dor|Ever|Firth|Gold|Ives|Lud|Nether"},
    {"town_tail",
     "bury|ford|ton|wick|field|ham|ley|worth|mouth|bridge|by|stead|minster|"
     "well|combe|hurst|more|dale|holm|caster|borough|mere|haven|gate|pool|"
     "thorpe|wood|stow|hampton|chester|brook|cliff|port|sey|don|ridge"},
    {"town_word",
     "Cross|Green|Heath|Vale|Bay|Park|Marsh|Falls|Harbour|"
     "Common|Hill|Junction|Springs|Point"},
    {"river_name",
     "Tarn|Wend|Esk|Calder|Lune|Avon|Ure|Teme|Rother|Dove|"
     "Brue|Colne|Wye|Frome|Otter|Leven"},
    {"country",
     "France|Germany|Italy|Spain|Portugal|Ireland|the Netherlands|Belgium|"
     "Poland|Sweden|Norway|Denmark|Finland|Austria|Switzerland|Greece|"
     "Turkey|Romania|Hungary|the Czech Republic|Canada|Mexico|Brazil|"
     "Argentina|Chile|Colombia|Peru|Japan|South Korea|India|Pakistan|"
     "Bangladesh|Indonesia|Malaysia|Vietnam|Thailand|the Philippines|"
     "Australia|New Zealand|Egypt|Morocco|Nigeria|Ghana|Kenya|Ethiopia|"
     "South Africa|Tanzania|Senegal|Jordan|Saudi Arabia|Qatar|Kazakhstan|"
     "Ukraine|Georgia|Serbia|Croatia|Bulgaria|Iceland|Estonia|Latvia|"
     "Lithuania|Slovakia|Slovenia|Tunisia|Uruguay|Ecuador|Sri Lanka|Nepal"},
    {"city",
     "London|New York|Frankfurt|Paris|Tokyo|Hong Kong|Singapore|Sydney|"
     "Toronto|Zürich|Madrid|Milan|Mumbai|Seoul|Chicago|Dubai|Stockholm|"
     "Amsterdam|Brussels|Vienna|Warsaw|Istanbul|Johannesburg|São Paulo|"
     "Mexico City|Cairo|Nairobi|Lagos|Jakarta|Manila|Bangkok|Oslo|Helsinki|"
     "Dublin|Lisbon|Athens|Prague|Budapest|Montréal|Bogotá|Geneva|Lyon|"
     "Barcelona|Munich|Hamburg|Rotterdam|Copenhagen|Edinburgh|Manchester|"
     "Glasgow|Cardiff|Belfast|Vancouver|Melbourne|Auckland|Osaka|Delhi|"
     "Karachi|Lima|Santiago|Buenos Aires|Casablanca|Accra|Addis Ababa|Doha"},
    {"compass",
     "northern|southern|eastern|western|north-eastern|"
     "north-western|south-eastern|south-western|central"},
    {"region",
     "{compass} {country}|the {town_head} valley|the {town} area|the "
     "{compass} {town_head}lands|the {town_head} peninsula|the {town} "
     "district|the coast near {town}|the {compass} {town_head} hills|"
     "{town} and {town}|the {town} region"},
    {"weekday", "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"},
    {"month",
     "January|February|March|April|May|June|July|August|September|October|"
     "November|December"},
    {"season", "spring|summer|autumn|winter"},

    // --- Organisations. Also invented.
    {"org_stem",
     "{org_head}{org_tail}|{org_head}{org_tail}|{org_word}|{org_word}|"
     "{town}"},
    {"org_head",
     "Ac|Al|Ar|Bel|Bri|Cal|Cor|Dyn|El|Ev|Fal|Gal|Hal|In|Kal|Lum|Mer|Nor|"
     "Nov|Om|Or|Pal|Pax|Quin|Ral|Sol|Ster|Tal|Tel|Ul|Ver|Vol|Xan|Zen|Zer|"
     "Bax|Cen|Dor|Fer|Gen|Hel|Jas|Kor|Lar|Mar|Neb|Oct|Per|Rex|Sen|Tor|Val"},
    {"org_tail",
     "cor|tex|ant|ora|via|ton|ix|on|ara|ex|ina|ico|ova|ium|ent|ity|era|"
     "wick|ford|gate|mark|line|point|well|side|star"},
    {"org_word",
     "Northwind|Apex|Bluewater|Crestline|Delta|Evergreen|Falcon|Granite|"
     "Harbor|Ironwood|Juniper|Keystone|Lumen|Meridian|Nova|Orion|Pinnacle|"
     "Quantum|Redwood|Summit|Titan|Union|Vertex|Westbrook|Zenith|Atlas|"
     "Beacon|Cobalt|Dunmore|Ember|Foxglove|Gryphon|Halcyon|Indigo|Jasper|"
     "Kestrel|Lodestar|Marlin|Nimbus|Obsidian|Peregrine|Quarry|Rampart|"
     "Sable|Tamarind|Umber|Vanguard|Wexford|Yarrow|Anchor|Bramble|Citadel|"
     "Driftwood|Elmstead|Fairway|Greystone|Hawthorn|Kingfisher|Larkspur|"
     "Millstone|Oakhurst|Pennant|Riverside|Saltire|Thistle|Upland|"
     "Whitecliff|Arrow|Bastion|Copperfield|Everest|Heron|Osprey|Sterling"},
    {"company_suffix",
     "Holdings|Group|Energy|Foods|Logistics|Pharma|Aerospace|Telecom|"
     "Financial|Steel|Retail|Insurance|Semiconductors|Media|Biotech|"
     "Shipping|Motors|Software|Utilities|Chemicals|Construction|Beverages|"
     "Health|Paper|Airlines|Hotels|Rail|Mining|Brewing|Capital|Partners|"
     "Systems|Networks|Labs|Robotics|Bank|Properties|Textiles|Power|Water|"
     "Homes|Packaging|Foods Group|Engineering|Industries|Resources|"
     "Technologies|Investments|Airways|Motors Group"},
    {"company",
     "{org_stem} {company_suffix}|{org_stem} {company_suffix}|{org_stem} "
     "{company_suffix}|{surname} & {surname}|{surname} {company_suffix}"},
    {"bank",
     "{org_stem} Bank|{org_stem} Capital|{surname} & {surname}|"
     "{org_stem} Securities|{org_stem} Investment Bank"},
    {"university",
     "the University of {town}|{town} University|the {org_word} "
     "Institute of Technology|{town} College|the University of "
     "{compass} {country}|{org_word} University|University College "
     "{town}|{town} Polytechnic|the {town} School of {field_cap}|{town} "
     "Metropolitan University|the {org_word} Academy of Sciences|{town} "
     "Institute"},
    {"field_cap",
     "Economics|Medicine|Law|Engineering|Management|Music|Art|"
     "Agriculture|Mines|Design|Nursing"},
    {"think_tank",
     "the {org_word} Institute|the {org_word} Foundation|the Centre for "
     "{policy_area_cap} Studies|the {town} Policy Forum|the {org_word} "
     "Trust"},
    {"outlet",
     "the {town} {paper}|the {town} {paper}|{org_word} Radio|{town} "
     "Television|the {paper_adj} {paper}|the {org_word} news agency|local "
     "radio|a local newspaper|state television|the {town} {paper}'s "
     "website"},
    {"paper",
     "Gazette|Herald|Courier|Chronicle|Post|Examiner|Observer|Echo|"
     "Advertiser|Journal|Mercury|Sentinel|Record|Telegraph|Times|Star"},
    {"paper_adj", "Daily|Evening|Sunday|Weekly|Morning"},
    {"party_adj",
     "Progressive|Liberal|Democratic|Conservative|Green|Labour|Reform|"
     "National|Unity|Social Democratic|Christian Democratic|Freedom|Centre|"
     "Agrarian|Socialist|People's|Independence|Radical|Civic|Federal"},
    {"party",
     "the {party_adj} Party|the {party_adj} Party|the {party_adj} "
     "{party_noun}|the {party_adj} {party_noun}"},
    {"party_noun", "Alliance|Front|Movement|Union|Coalition|League|Bloc"},
    {"portfolio",
     "Finance|Health|Education|Transport|Defence|Justice|Agriculture|Energy|"
     "Environment|Labour|Housing|Trade|the Interior|Foreign Affairs|Culture|"
     "Digital Affairs|Fisheries|Tourism|Water|Industry|Science|Social "
     "Security|Local Government|Communities|Infrastructure"},
    {"portfolio_lc",
     "finance|health|education|transport|defence|justice|agriculture|"
     "energy|environment|labour|housing|trade|interior|foreign|culture|"
     "digital|fisheries|tourism|industry|science|employment|immigration"},
    {"ministry", "the Ministry of {portfolio}|the {portfolio} Ministry"},
    {"agency",
     "the National {agency_area} Agency|the {agency_area} Regulator|the "
     "{agency_area} Authority|the Office for {agency_area}|the "
     "{agency_area} Commission|the {agency_area} "
     "Ombudsman|{agency_area} {country_short}|the {agency_area} "
     "Standards Board|the {town} {agency_area} Board|the Federal "
     "{agency_area} Office|the {agency_area} Inspectorate|the "
     "Independent {agency_area} Council|the {agency_area} Directorate"},
    {"agency_area",
     "Water|Energy|Food Standards|Competition|Consumer|Health|Transport|"
     "Environment|Statistics|Housing|Communications|Pensions|Rail|Aviation|"
     "Fisheries|Coastal|Gambling|Data Protection|Nuclear Safety|Road Safety"},
    {"country_short",
     "UK|Ireland|Canada|Australia|Scotland|Wales|NZ|"
     "Europe"},
    {"council",
     "{town} City Council|{town} Borough Council|{town} District "
     "Council|{town} County Council|the {town} council"},
    {"official_source",
     "officials|a government spokesperson|police|the company|local "
     "officials|a spokesperson for {=ORG}|people familiar with the "
     "matter|two people briefed on the talks|a senior "
     "official|documents seen by {outlet}|the organisers|a statement "
     "from {=ORG}|{=REF}|a source at {=ORG}|emergency services|a {=ORG} "
     "<official|insider|executive>|the mayor's office|{#int} witnesses"},

    // --- Generic sentence layer. Topic rules ({~x}) supply the content:
    // fact (an independent clause, past tense), quote (first person),
    // action (infinitive phrase), did (past predicate of the story's
    // organisation), issue (singular noun phrase), group (plural people),
    // event (noun phrase), thing (the story's central subject), extra
    // (whole topic sentences), lead_t and hl (lead sentences, headlines).
    // Fixed wording is kept to short runs between slots, so that stories
    // share common phrases but few longer word sequences.
    {"headline", "{~hl}"},
    {"role_a", "{~ra}"},
    {"role_b", "{~rb}|{~rb}|{expert_role}"},
    {"role_c", "{~rc}|{witness}"},
    {"lead", "{~lead_t}|{~lead_t}|{lead_generic}"},
    {"lead_generic",
     "{=ORG} {said_day} it {would} {~action}[, {lead_tail}]|"
     "{=A}, {=A.role}, {said_day} that {~fact}|"
     "{~fact} {on_day}, {=A}, {=A.role}, {said_plain}|"
     "{=ORG} {~did} {on_day}[, {lead_tail}]|"
     "{lead_when}, {~fact}, {official_source} {said_plain}|"
     "{=A}, {=A.role}, {lead_verb} {on_day} to {~action}[, {lead_tail}]"},
    {"said_day",
     "said on {=DAY}|said late on {=DAY}|announced on {=DAY}|confirmed on "
     "{=DAY}|said in a statement on {=DAY}|told {outlet} on {=DAY}|said "
     "{=DAY}"},
    {"said_plain", "said|said|told {outlet}|confirmed|announced|reported"},
    {"on_day",
     "on {=DAY}|on {=DAY}|late on {=DAY}|on {=DAY} {part_of_day}|"
     "early on {=DAY}|this week"},
    {"would",
     "would|would|will|planned to|intended to|was set to|was preparing "
     "to|hoped to|aimed to|was likely to|had decided to"},
    {"lead_verb",
     "pledged|promised|vowed|moved|agreed|offered|threatened|was forced|"
     "decided|voted|refused|declined|failed"},
    {"lead_when",
     "On {=DAY}|Late on {=DAY}|Early on {=DAY}|On {=DAY} {part_of_day}|"
     "In {=TOWN} on {=DAY}|Shortly after {#clock} on {=DAY}|By {=DAY} "
     "{part_of_day}"},
    {"part_of_day", "morning|afternoon|evening|night|lunchtime"},
    {"lead_tail",
     "in a move that {move_effect}|a {move_noun} that {move_effect}|the "
     "{ordinal_word} {such_move} {time_scope}|ending {#duration} of "
     "{uncertainty}|raising {fresh} questions about {~issue}|{after_time} "
     "{~event}|despite {objection}|as {=GROUP} {group_reaction}|in a "
     "{blow_word} to {=GROUP}|according to {official_source}|{citing} "
     "{biz_reason}"},
    {"such_move", "such {move_noun}|{move_noun} of its kind|{move_noun}"},
    {"fresh", "fresh|new|serious|awkward|further|urgent|renewed"},
    {"after_time",
     "after|weeks after|days after|months after|shortly after|soon after|"
     "a day after|a week before|days before|just hours after"},
    {"blow_word", "blow|setback|boost|victory|reprieve|challenge"},
    {"citing", "citing|blaming|pointing to|in response to"},
    {"biz_reason",
     "{~issue}|pressure from {=ORG2}|{#duration} of {uncertainty}|a "
     "{#pct} rise in costs|concerns raised by {=GROUP}"},
    {"move_effect",
     "could affect {#count} {=GROUP}|{critic_plural} {said_plain} was "
     "{overdue}|caught {many} {=GROUP} by surprise|{is_likely} to face "
     "{legal_word} challenges|will be closely watched in {=COUNTRY}|could "
     "cost {#money} over {#duration}|had been expected for {#duration}|"
     "drew {swift} criticism from {critic_plural}|{critic_plural} "
     "described as {a_verdict}"},
    {"overdue",
     "long overdue|overdue|a mistake|inevitable|rushed|"
     "premature|unnecessary|the right call"},
    {"many", "many|most|some|several|hundreds of|thousands of"},
    {"is_likely", "is likely|is expected|could be set|seems certain"},
    {"legal_word", "legal|political|fresh|immediate|serious|court"},
    {"swift", "swift|immediate|sharp|strong|angry|widespread|muted"},
    {"move_noun",
     "move|decision|announcement|step|setback|reversal|change of course|"
     "climbdown|proposal|intervention|plan|U-turn"},
    {"ordinal_word", "second|third|fourth|fifth|sixth|seventh"},
    {"uncertainty",
     "uncertainty|speculation|talks|delays|legal wrangling|negotiations|"
     "public pressure|disruption|debate|wrangling|consultation|protests"},
    {"objection",
     "objections from {critic_plural}|opposition from {=GROUP}|warnings "
     "from {critic_plural}|a petition signed by {#count} people|concerns "
     "raised by {=ORG2}|protests outside the {venue_building} in {=TOWN}|"
     "{#int} formal complaints|a {#pct} drop in support"},
    {"venue_building",
     "town hall|headquarters|parliament building|courthouse|council "
     "offices|ministry|main gates|offices"},
    {"critic_plural",
     "{~group}|{~group}|opposition politicians|campaigners|trade unions|"
     "local residents|business groups|economists|lawyers|environmental "
     "groups|consumer groups|some of {=ORG}'s own members|{=ORG2}"},
    {"group_reaction",
     "warned of the consequences|called for an urgent review|braced for "
     "further disruption|counted the cost|demanded answers|welcomed the "
     "news|voiced their anger|waited for details|vowed to fight on|"
     "threatened legal action|held emergency meetings|took to the streets "
     "of {=TOWN}"},

    {"body",
     ""
     "{fact_sentence}|{fact_sentence}|{fact_sentence}|{attributed}|{attributed}"
     "|{quote_sentence}|{quote_sentence}|{quote_sentence}|{~extra}|{~extra}|{~"
     "extra}|{background}|{context}|{reaction}|{compound}|{compound}"},
    {"fact_sentence",
     "{~fact}[, {adjunct_clause}].|{opener}, {~fact}[, "
     "{adjunct_clause}].|{~fact}, {adjunct_clause}.|{~fact} - "
     "{adjunct_clause}.|{~fact}, {according_to} {source_np}."},
    {"compound",
     "{~fact}, and {~fact}.|{~fact}, while {~fact}.|{~fact}, but {~fact}.|"
     "{~fact}; {~fact}.|{opener}, {~fact}, {adjunct_clause}."},
    {"attributed",
     "{~fact}, {speaker} {said_end}.|{speaker} {said_that} "
     "{~fact}.|{speaker} {said_that} {~fact}, "
     "{adjunct_clause}.|{~fact}, {speaker} {said_end}, "
     "{adjunct_clause}.|{according_to_cap} {source_np}, {~fact}."},
    {"said_end",
     "said|said|said|added|told {outlet}|said on {=DAY}|told reporters[ "
     "in {=TOWN}]|said in a statement|<wrote|posted> on <social "
     "media|X|Facebook|LinkedIn>|told a <briefing|news "
     "conference|meeting|rally> in {=TOWN}|confirmed|acknowledged|said "
     "later|said by phone|said "
     "{part_of_day_on}|<explained|continued|went on>|told "
     "{outlet} <on|late on> {=DAY}|<said|wrote> in an email|<told|said "
     "to> supporters"},
    {"part_of_day_on",
     "on {=DAY} {part_of_day}|that {part_of_day}|late on {=DAY}|earlier "
     "on {=DAY}"},
    {"said_that",
     "said|said|said that|told {outlet}[ that]|said in a statement[ "
     "that]|told reporters[ that]|told a <news "
     "conference|briefing|meeting> in {=TOWN}[ that]|<wrote|posted> on "
     "social media that|told "
     "<lawmakers|councillors|shareholders|staff|delegates>[ "
     "that]|insisted[ that]|warned[ that]|claimed[ that]|noted[ "
     "that]|acknowledged[ that]|argued[ that]|confirmed[ "
     "that]|estimated[ that]|predicted[ that]|conceded[ that]|pointed "
     "out that|<told|assured|reminded> {~group}[ "
     "that]|<believes|suspects|fears|accepts>[ that]|<said|told> "
     "{outlet} <on|late on> {=DAY}[ that]|has <said|argued|warned> "
     "before[ that]"},
    {"according_to",
     "according to|according to|citing|based on|"
     "quoting"},
    {"according_to_cap", "According to|According to|Based on"},
    {"speaker", "{=A}|{=A}|{=B.intro}|{=B.intro}|{=C.intro}|{=A}|{=B}"},
    {"source_np",
     "figures from {agency}|{a_report} by "
     "{think_tank}|<data|numbers|statistics> "
     "<published|released|compiled> by {agency}|documents seen by "
     "{outlet}|{a_report} <by|from|for> "
     "{company}|{=ORG}|{official_source}|{a_report} by "
     "<researchers|academics|economists|a team> at "
     "{university}|<estimates|projections|forecasts> by {bank}|<an "
     "internal memo|a leaked letter|minutes> seen by {outlet}|{#int} "
     "people <familiar with|close to|involved in> the "
     "<matter|talks|process|deal>|calculations by {outlet}|the "
     "<latest|most recent|official|provisional> <figures|data|numbers> "
     "from {agency}|<analysis|modelling|research> by "
     "{think_tank}|{person}, {expert_role}|<sources|officials|aides> "
     "<close to|inside|at> {=ORG}"},
    {"a_report",
     "a report|a survey|a study|research|a review|an analysis|a poll|an "
     "audit|an investigation|a paper"},
    {"quote_sentence",
     "\"^{quote},\" {speaker} {said_end}.|\"^{quote},\" said "
     "{speaker}.|{speaker} said: \"^{quote}.\"|\"^{quote},\" {speaker} "
     "said[ {quote_setting}].|\"^{quote}[ {quote_tail}],\" {speaker} "
     "{said_end}.|\"^{quote}, and {quote},\" {speaker} said.|{=A.He} "
     "added: \"^{quote}.\"|\"^{quote}. ^{quote},\" {speaker} "
     "said.|\"^{quote},\" said {=A}, who {person_detail}.|\"^{quote},\" "
     "{=B.intro} {said_end}, <adding that|and added that|noting "
     "that|before adding that> {~fact}.|{speaker} {said_that} {~fact}. "
     "\"^{quote}.\"|\"^{quote} - {quote_tail} - and {quote},\" {speaker} "
     "said."},
    {"quote", "{~quote}|{~quote}|{gen_quote}|{gen_quote}|{gen_quote}"},
    {"gen_quote",
     "{q_this} {q_is} {q_judgement} {q_for} {~group}|{~issue} "
     "{q_issue_pred}|{q_feel} {~issue}|{q_people} {q_deserve}|{q_time}, "
     "{q_we} {q_past}|{q_hope} {=ORG} {q_will} {q_listen}|{q_clear} "
     "{~fact}|{q_we} {q_modal} {q_vp}[ {q_when}]|{q_nobody} "
     "{q_expected} {~fact}"},
    {"q_this",
     "this|this decision|this news|the {move_noun}|today's announcement|"
     "what happened on {=DAY}|the way this was handled|this whole "
     "episode|the latest {move_noun}|this {policy_doc}"},
    {"q_is",
     "is|is nothing short of|would be|has been|is frankly|is clearly|"
     "could be|will be seen as|is, quite simply,|feels like"},
    {"q_judgement",
     "a disaster|devastating|a step in the right direction|good news|"
     "deeply disappointing|a huge relief|a scandal|a real worry|long "
     "overdue|a kick in the teeth|a big moment|welcome news|hugely "
     "damaging|a missed opportunity|a betrayal|a lifeline|a gamble|"
     "unacceptable|a turning point"},
    {"q_for",
     "for|for all|for thousands of|for the|for many|for local|"
     "for ordinary"},
    {"q_issue_pred",
     "has been handled badly from the start|cannot be allowed to happen|"
     "is the right thing to do|will not solve anything|has gone on long "
     "enough|needs to be looked at again|raises serious questions|is not "
     "the answer|could still change|is only the beginning|was always "
     "going to be difficult|affects every family in {=TOWN}|was agreed "
     "behind closed doors|has our full support|will cost more than "
     "{#money}|must be reversed"},
    {"q_feel",
     "I am deeply worried about|we are very concerned about|I am angry "
     "about|we are delighted with|I have serious doubts about|we remain "
     "committed to|we are proud of|I am not happy with|we are still "
     "waiting for clarity on|nobody has explained|we will keep pushing "
     "on|I fully support|we have always opposed|I was shocked by"},
    {"q_people",
     "people in {=TOWN}|families in {region}|our {~group}|{~group} in "
     "{=TOWN}|the people of {town}|{~group} across {=COUNTRY}|local "
     "{~group}|{#count} {~group}"},
    {"q_deserve",
     "deserve answers|deserve better|deserve to be heard|need certainty|"
     "have been let down|have waited long enough|are running out of "
     "patience|have a right to know what happens next|will not forget "
     "this|feel abandoned|are paying the price|want this sorted out"},
    {"q_time",
     "for {#duration}|since {month}|over the past {#duration}|ever since "
     "{#recent_year}|for the last {#duration}|from day one|since {#year}"},
    {"q_we",
     "we|I|my team|the whole community|everyone here|people like "
     "me|my family|our members"},
    {"q_past",
     "have been asking for {q_thing}|have warned about {~issue}|have tried "
     "to work with {=ORG}|have done everything we were asked|have been "
     "kept in the dark|have been raising this with {=ORG}|have paid the "
     "price for {~issue}|have heard nothing from {=ORG}"},
    {"q_thing",
     "a meeting|a proper explanation|more support|an independent review|"
     "clear answers|a fair deal|more time|the figures|a say"},
    {"q_hope",
     "I hope|we hope|let us hope|I just hope|we trust|we expect|"
     "we are urging|we are asking"},
    {"q_will", "will|can|is going to|will finally|will now|might still"},
    {"q_listen",
     "listen|do the right thing|think again|keep its promises|rethink "
     "this|come back to the table|act quickly|be held to account|put "
     "{~group} first|publish the {q_thing2}"},
    {"q_thing2", "figures|evidence|full report|details|minutes|contracts"},
    {"q_clear",
     "it is now clear that|the truth is that|the reality is that|nobody "
     "should forget that|what people do not realise is that|the fact is "
     "that|it is simply not true that|we knew in {month} that|the "
     "figures show that"},
    {"q_modal",
     "will|are going to|cannot|will not|have to|need to|want to|are "
     "determined to|have promised to|are not prepared to|intend to|must"},
    {"q_vp",
     "keep fighting for {~group}|give up on {=TOWN}|let this happen|work "
     "with {=ORG2}|get this right|look at every option|stand by {~group}|"
     "make our case to {=ORG}|take this to {court_short}|support "
     "{#count} {~group}|find {#money}|answer every question"},
    {"court_short", "court|the courts|the regulator|parliament|the minister"},
    {"q_when",
     "by {month}|this {period}|before {month}|over the next {#duration}|"
     "as soon as possible|for as long as it takes|whatever happens"},
    {"q_nobody",
     "nobody|none of us|not one person here|hardly anyone|few people in "
     "{=TOWN}|I never"},
    {"q_expected",
     "expected that|believed that|imagined that|predicted that|thought "
     "that|could have known that"},
    {"quote_setting",
     "on {=DAY}|in an interview|at a briefing in {=TOWN}|outside the "
     "{venue_building}|in a statement|after the meeting|on local radio|in "
     "a video posted online|on {outlet}|at a rally in {town}"},
    {"quote_tail",
     "and that is what matters|whatever people say|and we make no apology "
     "for that|but we have to be realistic|and people know that|at the end "
     "of the day|and I think {~group} understand that|but it will take "
     "time|and {=ORG} knows it|for {~group} in {=TOWN}"},
    {"opener",
     "On {=DAY}|Earlier this {period}|Last {period}|In "
     "{#recent_year}|Since {#year}|In {month}|Meanwhile|However|At the "
     "same time|By contrast|Separately|Speaking in {=TOWN}|Under the "
     "{plan_word}|Later on {=DAY}|{#int} {period}s ago|For now|In the "
     "meantime|As a result|By {month}|Over the past {#duration}|Within "
     "{#duration}|Across {=COUNTRY}|In {=TOWN}|In {town}|Elsewhere in "
     "{region}|In a letter to {~group}|Speaking to "
     "{outlet}|Privately|Publicly|In response|Officially|Since "
     "then|Until {month}|Last {season}|This {season}|In the {town} "
     "area|Shortly afterwards|Even so|Nevertheless|Behind the scenes|On "
     "paper|In practice|Locally|Nationally"},
    {"period", "week|month|year"},
    {"trend_noun",
     "growing <pressure|anger|frustration|confidence> <on|in|among> "
     "{~group}|a <wider|broader|deepening> <slowdown|crisis|shift|divide>|"
     "<how|just how> <far|much> <things|attitudes|the market> <had|have> "
     "<changed|moved|shifted>"},
    {"plan_word",
     "plan|proposals|new rules|agreement|scheme|deal|arrangement|terms of "
     "the deal|new system|{#money} package"},
    {"time_adjunct",
     "on {=DAY}|last {weekday}|earlier this {period}|on {#date}|in {month}|"
     "late on {=DAY}|this {part_of_day}|in {#recent_year}|within "
     "{#duration}|by the end of {month}|in the {ordinal_word_2} quarter|"
     "last {season}|after {#duration} of {uncertainty}"},
    {"ordinal_word_2", "first|second|third|fourth|final"},
    {"adjunct_clause",
     "{after_time} {~event}|as {~group} {group_reaction}|despite "
     "{objection}|while {~fact}|amid {uncertainty} over "
     "{~issue}|although {~fact}|which {move_effect}|a claim {=ORG} "
     "{denies}|something {critic_plural} have long {demanded}|just "
     "{#duration} after {~event}|in what {speaker} called "
     "{a_verdict}|{citing} {biz_reason}|leaving {#count} {~group} "
     "{leaving_state}|<the|a> {ordinal_word} <time|year|month> in a "
     "row|up from {#count} <a year earlier|in {#recent_year}|last "
     "{period}>|<down|up> from {#pct} in {month}|<with|and> more <to "
     "come|expected> {q_when}|for the {ordinal_word} <time|year> since "
     "{#year}|ahead of {~event}|in a sign of "
     "{trend_noun}|<only|just|barely> {#duration} <later|earlier>"},
    {"denies",
     "denies|disputes|rejects|strongly denies|has denied|"
     "contests"},
    {"demanded", "demanded|called for|opposed|feared|predicted|resisted"},
    {"leaving_state",
     "without {lack_thing}|facing {#duration} of {uncertainty}|out of "
     "pocket|in limbo|waiting for news|with nowhere to go"},
    {"lack_thing", "work|answers|support|a plan|compensation|help"},
    {"a_verdict",
     "a turning point|a necessary step|a serious mistake|a betrayal|a "
     "victory for common sense|a wake-up call|a shameful episode|a fair "
     "outcome|an overdue correction|a risky gamble|a cynical ploy|a "
     "historic day|a mess|a fudge|a bold move"},
    {"background",
     "{=A} - who {person_detail} - {bg_pred}.|{=A.He} has been {=A.role} since "
     "{#recent_year}[, when {=A.he} "
     "replaced {person}].|{=A}, who {person_detail}, {bg_pred}.|{=ORG}, "
     "which {org_detail}, {~did} in {#recent_year}.|{=ORG} {org_detail}.|"
     "{=B}, who {person_detail}, {said_that} {~fact}.|{=A.He} "
     "{person_detail} and {person_detail_2}.|{=ORG} was {founded} in "
     "{#year}[ by {person}][ and {org_detail}].|{=A}, {#age}, "
     "{person_detail}.|Before joining {=ORG}, {=A} {person_detail}."},
    {"person_detail",
     "took up the post in {#recent_year}|has spent {#int} years at {=ORG}|"
     "previously worked at {company}|grew up in {town}|trained as a "
     "{occupation}|was first elected in {#recent_year}|joined {=ORG} from "
     "{company}|studied {field} at {university}|has faced calls to step "
     "down|is expected to stand down in {month}|was appointed in {month} "
     "{#recent_year}|ran the {town} office for {#int} years|worked in "
     "{city} for {#int} years|spent {#int} years as a {occupation}|"
     "led {company} until {#recent_year}"},
    {"person_detail_2",
     "has {family_detail}|lives in {town}|is a former {occupation}|has "
     "written {#int} books on {field}|was made an honorary fellow of "
     "{university} in {#recent_year}|sits on the board of {company}|"
     "chairs the {town} {civic_group}"},
    {"family_detail",
     "two children|three grown-up children|a daughter at university|a "
     "young family|four grandchildren|twin sons"},
    {"bg_pred",
     "declined to comment on {~issue}|has not commented publicly|said "
     "{=A.he} had no regrets|is due to give evidence in {month}|has "
     "defended the {plan_word}|did not respond to {requests} for comment|"
     "has promised a full review|is under pressure to {~action}|has "
     "been criticised over {~issue}|is expected to {~action}"},
    {"requests", "requests|repeated requests|a request|calls|emails"},
    {"founded", "founded|set up|established|created|formed"},
    {"org_detail",
     "employs about {#count} people|is based in {=TOWN}|was founded in "
     "{#year}|has {#count} members|reported revenue of {#money} last year|"
     "has been under scrutiny since {#recent_year}|owns {#int} sites across "
     "{=COUNTRY}|is {#pct} owned by {company}|has offices in {city} and "
     "{city}|was rescued by {company} in {#recent_year}|is led by {person}|"
     "moved to {=TOWN} in {#year}|has a budget of {#money}"},
    {"context",
     "The {move_noun} comes {context_when} {~fact}.|<It is the|This is "
     "the|It marks the|It was the> {ordinal_word} time {time_scope} "
     "that {~fact}.|{unclear} {wh_clause}.|The {event_bare} has "
     "{divided} {~group} and {~group}.|{issue_cap} has been "
     "{a_source_of} {~group} for {#duration}.|The figures "
     "{figures_pred}.|The {move_noun} follows {~event} in {month}."},
    {"unclear",
     "It was not immediately clear|It was unclear|It remains unclear|It "
     "is not yet known|{=REF} did not say|Officials would not say|No "
     "details were given on|Nobody could say|{=ORG} declined to say"},
    {"event_bare", "{move_noun}|row|dispute|episode|affair|saga"},
    {"context_when",
     "as|after|a week after|days after|just as|at a time when|months "
     "after|shortly after|two days after|on the same day that"},
    {"time_scope",
     "this year|in {#duration}|since {#year}|this month|in recent years|in "
     "the past decade|since {month}|this {season}"},
    {"wh_clause",
     "whether {~fact}|how {=ORG} would {~action}|when {~issue} would take "
     "effect|how much {=ORG} would have to pay|whether {=A} would "
     "{~action}|who would {~action}|what the {move_noun} would mean for "
     "{~group}|why {~fact}"},
    {"divided",
     "divided|split|angered|unsettled|worried|energised|"
     "alarmed|surprised"},
    {"a_source_of",
     "a source of tension between {=ORG} and|a long-running grievance "
     "for|a sore point with|a priority for|a headache for|a rallying cry "
     "for"},
    {"issue_cap", "^{~issue}"},
    {"figures_pred",
     "do not include {~group} in {region}|were published by {agency} on "
     "{=DAY}|cover the {#int} months to {month}|suggest {~fact}|have not "
     "been independently verified|were revised up from an earlier "
     "estimate of {#count}|compare with {#count} a year earlier"},
    {"reaction",
     "{critic_cap} {reacted} the {move_noun}, saying {~fact}.|{=ORG2} "
     "{reacted} the {move_noun}[ on {=DAY}].|{=ORG2} {said_plain} it "
     "{would} {~action} in response.|{=C.intro} {doubt_intro} {=C.he} "
     "{doubt_pred}.|{=ORG2}, which {org_detail}, said {~fact}.|"
     "{=GROUP_CAP} {group_reaction} on {=DAY}, {source_said}."},
    {"doubt_intro",
     "was not convinced, saying|was sceptical, saying|said|told {outlet}|"
     "was less optimistic, saying|admitted|said privately that"},
    {"critic_cap", "^{critic_plural}"},
    {"reacted",
     "welcomed|criticised|condemned|questioned|cautiously welcomed|"
     "attacked|praised|rejected|dismissed|challenged"},
    {"doubt_pred",
     "was not convinced the {plan_word} would work|feared {~group} would "
     "pay the price|did not expect much to change|had heard such promises "
     "before|was worried about what would happen to {~group}|hoped "
     "{=ORG} would {~action}|would wait to see the details|had lost "
     "faith in {=ORG}"},
    {"source_said",
     "{official_source} said|{according_to} {source_np}|{speaker} said"},
    {"expert_role",
     "an economist at {bank}|a professor of {field} at {university}|a "
     "senior fellow at {think_tank}|director of {think_tank}|an analyst at "
     "{company}|a lecturer in {field} at {university}|a former "
     "{portfolio_lc} minister|a partner at {company}|head of research at "
     "{bank}|chair of the {town} {civic_group}|a spokesperson for "
     "{campaign_group}|a researcher at {university}"},
    {"field",
     "economics|politics|public policy|law|history|engineering|climate "
     "science|epidemiology|computer science|sociology|geography|"
     "criminology|transport planning|sports science|education|marine "
     "biology|physics|chemistry|psychology|urban planning|public health|"
     "international relations|accounting|agricultural science"},
    {"civic_group",
     "Residents' Association|Chamber of Commerce|Civic Society|Tenants' "
     "Union|Business Forum|Heritage Trust|Parents' Forum|Taxpayers' "
     "Alliance"},
    {"campaign_group",
     "{org_word} Watch|the {town} Action Group|Friends of {town}|the "
     "{agency_area} Campaign|{org_word} Rights|Citizens for {town}|the "
     "{org_word} Coalition"},
    {"policy_area_cap",
     "Housing|Pension|Energy|Transport|Tax|Health|Education|Welfare|"
     "Migration|Planning|Water|Farming|Justice|Defence|Digital|Regional"},

    // --- Business.
    {"org_main@business", "{company}"},
    {"org_other@business", "{company}|{company}|{bank}|{agency}"},
    {"org_ref@business", "the company|the group|the firm|the business"},
    {"ra@business",
     "chief executive of {=ORG}|{=ORG}'s chief executive|the chief "
     "financial officer of {=ORG}|chair of {=ORG}|{=ORG}'s founder|head of "
     "{=ORG}'s {division} division|{=ORG}'s chief operating officer"},
    {"rb@business",
     "an analyst at {bank}|a retail analyst at {company}|a fund manager at "
     "{bank}|head of equities at {bank}|a spokesperson for the "
     "{union_name}|general secretary of the {union_name}"},
    {"rc@business",
     "a shareholder in {=ORG}|a former {=ORG} employee|a supplier to "
     "{=ORG}|who has worked at {=THING} for {#int} years"},
    {"division",
     "retail|consumer|European|Asian|logistics|wholesale|online|"
     "manufacturing|property|insurance|services|commercial"},
    {"union_name",
     "{agency_area} Workers' Union|{town} Trades Council|Union of "
     "{trade_workers}|{trade_workers}' Federation"},
    {"trade_workers",
     "Shop Workers|Transport Workers|Steelworkers|Engineers|Dock Workers|"
     "Food Workers|Bank Staff|Chemical Workers|Print Workers|Postal "
     "Workers"},
    {"thing@business",
     "its {town} {site}|its {product_adj} {=PRODUCT} business|the {=PRODUCT} "
     "division|its {town} {site}|its {=PRODUCT} brand|its {site} in {town}"},
    {"site",
     "plant|factory|warehouse|distribution centre|headquarters|refinery|"
     "smelter|call centre|bottling plant|flagship store|mill|shipyard|depot|"
     "research centre"},
    {"product", "{product_base}|{product_base}|{product_mod} {product_base}"},
    {"product_base",
     "frozen food|packaging|home insurance|budget "
     "airline|chemicals|steel|cement|soft drinks|furniture|pet "
     "food|paint|electronics|clothing|mobile "
     "phone|tyre|fertiliser|medical devices|spare "
     "parts|wine|coffee|paper|glass|battery|solar "
     "panel|kitchenware|cosmetics|bicycle|caravan|toy|footwear|timber|dairy|"
     "bottled "
     "water|garden furniture|ceramics|vitamin|frozen "
     "pizza|pushchair|lawnmower|boiler|heat "
     "pump|wallpaper|mattress|luggage|carpet|stationery|cider|olive "
     "oil|chocolate|biscuit|pasta|sportswear|eyewear|watch|jewellery|guitar|"
     "kitchen "
     "appliance|garden tool|scooter|e-bike"},
    {"product_mod",
     ""
     "premium|budget|organic|industrial|luxury|own-brand|specialist|discount|"
     "recycled|imported|children's|outdoor|electric|vegan|refurbished"},
    {"product_adj",
     "loss-making|profitable|struggling|fast-growing|European|overseas|"
     "online|wholesale|specialist|consumer"},
    {"fin_metric",
     "pre-tax profit|operating profit|revenue|net income|underlying "
     "earnings|sales|like-for-like sales|order intake|core profit|cash flow"},
    {"moved",
     "rose|fell|jumped|slumped|climbed|dropped|edged up|slipped|surged|"
     "tumbled"},
    {"quarter",
     "{ordinal_word_2} quarter|three months to {month}|first half|year to "
     "{month}|six months to {month}|{#int} weeks to {#date}"},
    {"biz_headwind",
     "higher energy costs|weak demand in {country}|a strong "
     "{currency_word}|rising wage bills|supply chain problems in {country}|"
     "the loss of a contract with {company}|falling prices for {=PRODUCT}|"
     "a cyber attack in {month}|bad weather in {region}|a strike at its "
     "{town} {site}|new import tariffs in {country}|the cost of {=PRODUCT}"},
    {"currency_word", "dollar|pound|euro|yen|Swiss franc|rand|rupee"},
    {"fin_drop",
     "fall in profit|drop in sales|loss|weaker outlook|profit warning|"
     "slump in orders|write-down"},
    {"demand_change",
     "picked up|slowed sharply|recovered|collapsed|held steady|doubled|"
     "fallen by a third|risen every month"},
    {"labour_issue",
     "pay|pensions|job cuts|working hours|the closure plan|a new shift "
     "pattern|bonuses|sick pay|overtime rates"},
    {"misconduct",
     "misleading customers|breaching safety rules|late payments to "
     "suppliers|failing to protect customer data|polluting the River "
     "{river_name}|overcharging {#count} customers|mis-selling {=PRODUCT} "
     "insurance"},
    {"fact@business",
     "{=ORG}'s {fin_metric} {moved} {#pct} to {#money} in the "
     "{quarter}|{=ORG} <said|confirmed|announced> it would "
     "<cut|axe|shed> {#count} <jobs|roles|positions>[ at "
     "{=THING}]|shares in {=ORG} {moved} {#pct} to {#price} in "
     "<early|late|afternoon|morning> trading in {city}|{=REF} "
     "<expected|forecast|predicted|now expects> {fin_metric} of {about} "
     "{#money} <this year|next year|in {#recent_year}|for the full "
     "year>|<sales|orders|volumes|deliveries> at {=THING} "
     "<fell|dropped|slid|rose|climbed> {#pct} in the {quarter}|{=ORG} "
     "<agreed|offered|has agreed|was in talks> to <buy|acquire|take "
     "over> {company} for {#money}[ in <cash|shares|cash and "
     "shares>]|{=ORG2} <made|tabled|submitted> <an offer|a bid|a "
     "proposal> worth {=MONEY} for {=THING}|the deal <still "
     "needed|would need|was subject to> <approval|clearance|a green "
     "light> from {agency}|{=REF} had <closed|shut|sold> {#int} {site}s "
     "<since|in the years since> {#recent_year}|{=ORG} <blamed|pointed "
     "to|cited> {biz_headwind} <for|as the main reason for> the "
     "{fin_drop}|{#count} <workers|staff|employees> at {=THING} were "
     "<told|informed|briefed> of the {move_noun} on {=DAY}|{=ORG}'s "
     "<net debt|borrowing|pension deficit|debt pile> <stood "
     "at|reached|was cut to|rose to> {#money} <at the end of|in|by> "
     "{month}|<demand|orders|prices> for {=PRODUCT} had {demand_change} "
     "since {month}|the {union_name} <would ballot|planned to "
     "ballot|was balloting> <members|staff|workers> at {=THING} over "
     "{labour_issue}|{=ORG} <raised|lifted|cut|lowered> its "
     "<forecast|guidance|outlook> for {fin_metric} to "
     "{#money}|<investors|analysts|the market> had <expected|pencilled "
     "in|forecast> {fin_metric} of {#money}|{=REF} "
     "<planned|wanted|hoped> to open {#int} new {site}s in {country} "
     "<over|within> {#duration}|{=ORG} was <fined|ordered to "
     "pay|penalised> {#money} by {agency} for {misconduct}|the "
     "<offer|bid|deal> valued {=ORG} at {=MONEY}, a premium of {#pct} "
     "to <its closing price|the share price|Friday's close>|{=ORG} had "
     "<lost|shed|wiped> {#pct} <of its market value|off its share "
     "price|of its value> since {month}|{=REF} would keep {=THING} open "
     "until <at least|the end of> {month}|{=ORG} "
     "<hired|appointed|brought in> {bank} to <advise on|look at|run> <a "
     "sale of|options for|the future of> {=THING}|{#pct} of {=ORG}'s "
     "<sales|revenue|profit> <came from|was made in|depended on> "
     "{country}|<a supplier|a customer|a rival|a partner> in {country} "
     "<owed|was suing|had cut ties with> {=ORG}[ over {labour_issue}]"},
    {"quote@business",
     "we are confident that {=THING} has a {strong_future}|this has "
     "been a {difficult} {period} for everyone at {=ORG}|the decision "
     "to {~action} was not taken lightly|we will do everything we can "
     "to support the {#count} people at {=THING}|our customers in "
     "{country} have been hit hard by {biz_headwind}|the board believes "
     "the {=MONEY} offer {under_over}values {=ORG}|we see real "
     "opportunities in {country} and {country}|trading in {month} was "
     "{better_worse} than we expected|{=MONEY} is simply not enough for "
     "{=THING}|we want to be the leading {=PRODUCT} company in "
     "{region}|our {#count} staff deserve better than "
     "{being_treated}|the market for {=PRODUCT} has changed beyond "
     "recognition since {#recent_year}|{fin_metric} of {#money} is a "
     "{solid_result} in a {difficult} market|nobody at {=THING} was "
     "consulted about {~issue}"},
    {"under_over", "under|over"},
    {"action@business",
     "<cut|axe|shed> {#count} jobs|<close|shut|mothball> "
     "{=THING}|<sell|sell off|offload> {=THING}|raise {#money} from "
     "<investors|shareholders|a share sale>|<merge|combine> with "
     "{company}|move its headquarters to {city}|buy back shares worth "
     "{#money}|<list|float> its shares in {city}|<invest|spend> "
     "{#money} in {=THING}|<reduce|cut|pay down> its debt by "
     "{#money}|open {#int} new <stores|branches|outlets> in "
     "{country}|freeze pay for {#count} "
     "staff|<review|restructure|overhaul> its {=PRODUCT} "
     "business|<reject|fight> the <offer|bid> from {=ORG2}|delay its "
     "results until {month}|appoint a new <chief executive|chair> by "
     "{month}|raise prices by {#pct}|shut {#int} of its {site}s"},
    {"did@business",
     "<cut|slashed|lowered> its <profit|sales|earnings> "
     "<forecast|outlook|guidance>|reported a {fin_drop} of "
     "{#money}|<announced|confirmed|unveiled> {#count} job cuts|agreed "
     "a {#money} <takeover|purchase|acquisition> of "
     "{company}|<rejected|turned down|dismissed> a {=MONEY} "
     "<offer|bid|approach> from {=ORG2}|warned on profits for the "
     "{ordinal_word_2} time <this year|in {#int} months|since "
     "{month}>|<announced|set out|unveiled> plans to "
     "{~action}|<said|confirmed> it would {~action}|put {=THING} up for "
     "sale|<named|appointed|hired> {person} as its new <chief "
     "executive|chair|finance chief>"},
    {"issue@business",
     "the {=MONEY} takeover|the closure of {=THING}|the proposed sale of "
     "{=THING}|the new bonus scheme|the {=PRODUCT} price war|the "
     "restructuring plan|the pension deficit at {=ORG}|the {#money} rescue "
     "deal|the dispute over {labour_issue}"},
    {"group@business",
     "workers|shareholders|suppliers|customers|small investors|staff at "
     "{=THING}|pension scheme members|franchise owners|local businesses|"
     "contract workers|{=PRODUCT} makers"},
    {"event@business",
     "a {fin_drop} at {company}|the collapse of {company}|<last "
     "year's|a> failed merger with {company}|the profit warning in "
     "{month}|the <departure|resignation|sacking> of its <chief "
     "executive|finance chief|chair>|a {#pct} fall in the share "
     "price|<talks|a dispute|a row> with {bank}|the loss of a {#money} "
     "contract"},
    {"extra@business",
     "Shares in {=ORG} {moved} {#pct} to {#price} by {#clock} in "
     "{city}, valuing {=REF} at about {#money}.|{=ORG} employs {#count} "
     "people, {#count} of them in {=COUNTRY}.|The {site} in {=TOWN} "
     "opened in {#year} and {at_peak} employed {#count} "
     "people.|{=ORG}'s {fin_metric} for the {quarter} was {#money}, "
     "compared with {#money} a year earlier.|Analysts at {bank} "
     "{cut_raised} their price target on {=ORG} to {#price} from "
     "{#price}.|The {union_name} called the {move_noun} {a_verdict} and "
     "urged {=ORG} to {~action}.|{=ORG} is due to publish "
     "{results_kind} on {#date}.|{=ORG} did not say how many of the "
     "{#count} jobs at {=THING} would go.|Sales of {=PRODUCT} in "
     "{country} have {demand_change} over the past {#duration}, "
     "{according_to} {source_np}.|{=ORG} was {founded} in {#year} as a "
     "{small_adj} {=PRODUCT} maker in {town}[ and grew through {#int} "
     "acquisitions].|A deal would create a group with annual sales of "
     "{about} {#money} and {#count} employees.|{=ORG2} owns {#pct} of "
     "{=ORG} and has {#int} seats on its board."},
    {"hl@business",
     "{=ORG} to cut {#count} jobs|{=ORG} profit {moved_hl} {#pct} on "
     "{hl_reason}|{=ORG} agrees {#money} deal for {company}|{=ORG} shares "
     "{moved_hl} after {hl_event}|{=ORG} rejects {=ORG2} offer|Union anger "
     "as {=ORG} plans {town} closure|{=ORG} warns on profits as "
     "{biz_headwind} bites|{=ORG} boss {hl_boss}"},
    {"moved_hl",
     "rises|falls|jumps|slumps|climbs|drops|surges|tumbles|sinks|soars"},
    {"hl_reason",
     "weak demand|higher costs|strong {=PRODUCT} sales|{country} growth|"
     "price rises|{currency_word} strength"},
    {"hl_event",
     "profit warning|takeover approach|results|chief executive quits|"
     "{country} setback|bid talks"},
    {"hl_boss",
     "defends pay rise|steps down|quits after {#int} years|apologises to "
     "customers|sets out turnaround plan|faces shareholder revolt"},
    {"lead_t@business",
     "{=ORG} {said_day} it {would} {~action}, {citing} "
     "{biz_headwind}.|{=ORG}, the {town}-based {=PRODUCT} "
     "<maker|group|company|firm>, {~did} {on_day}.|Shares in {=ORG} "
     "{moved} {#pct} {on_day} after {=REF} {~did}.|{=ORG} has agreed to "
     "{~action}, {=A}, {=A.role}, {said_plain} {on_day}."},

    // --- Economy.
    {"org_main@economy",
     "the central bank|{ministry}|the {agency_area} Office|{agency}|the "
     "{town} Chamber of Commerce"},
    {"org_other@economy", "{bank}|{think_tank}|{agency}|{company}"},
    {"org_ref@economy", "the bank|the ministry|the office|the body"},
    {"ra@economy",
     "governor of {=ORG}|the {portfolio_lc} minister|chief economist at "
     "{=ORG}|head of {=ORG}|deputy governor of {=ORG}"},
    {"rb@economy",
     "an economist at {bank}|chief economist at {bank}|a senior economist "
     "at {think_tank}|head of macro research at {bank}|a former adviser to "
     "{=ORG}"},
    {"rc@economy",
     "{witness}|who runs a {small_business} in {=TOWN}|a mortgage broker "
     "in {=TOWN}"},
    {"thing@economy",
     "the benchmark interest rate|inflation|the budget deficit|national "
     "debt|unemployment|the housing market|wage growth|consumer spending|"
     "the trade balance|business investment"},
    {"econ_stat",
     "consumer prices|wages|house prices|retail sales|industrial output|"
     "exports|imports|unemployment|factory orders|business investment|"
     "borrowing costs|rents|food prices|energy bills|mortgage approvals"},
    {"fact@economy",
     "{econ_stat} {moved} {#pct} in the <year|12 months> to "
     "{month}|inflation <eased|slowed|rose|accelerated|fell> to {#pct} "
     "in {month} from {#pct} <a month earlier|in {month}>|{=ORG} "
     "<kept|held|left> {=THING} <at|unchanged at> {#pct}|{=ORG} "
     "<raised|increased|cut|lowered> rates by {#points}|the economy "
     "<grew|expanded|contracted|shrank> {#pct} in the {ordinal_word_2} "
     "quarter|unemployment <rose|climbed|fell> to {#pct}, the "
     "<highest|lowest> <level|rate> since {#year}|{#count} people were "
     "<out of work|unemployed|claiming benefits> in {month}|the "
     "government borrowed {#money} in {month}[, {above_below} "
     "<forecasts|expectations> by {#money}]|{econ_stat} had "
     "<fallen|risen|grown|slowed> for {#int} months in a "
     "row|<economists|analysts|forecasters> <polled|surveyed> by "
     "{company} had <expected|forecast|predicted> <a figure|a "
     "reading|growth> of {#pct}|the {currency_word} {moved} {#pct} "
     "against the {currency_word}|{=ORG} <cut|raised|revised> its "
     "growth forecast for <this year|next year|{#recent_year}> to "
     "{#pct}|{econ_stat} in {region} {moved} <faster|more slowly> than "
     "in the rest of {=COUNTRY}|the <national debt|public debt|budget "
     "deficit> <reached|rose to|fell to> {#money}, or {#pct} of "
     "<economic output|GDP|national income>|{#pct} of "
     "<households|families|adults|small firms> said they were cutting "
     "back on {spending_item}|{agency} revised its estimate of "
     "{econ_stat} to {#pct}|{=ORG}'s <committee|board|policy panel> "
     "voted {#small} to {#small} to <hold rates|raise rates|cut "
     "rates>|<wage growth|pay growth|average earnings> <slowed|picked "
     "up|eased> to {#pct}[ in the three months to "
     "{month}]|<food|energy|fuel|rent> prices in {=TOWN} were {#pct} "
     "higher than <a year earlier|in {#recent_year}>"},
    {"spending_item",
     "heating|holidays|eating out|clothing|new cars|home improvements|"
     "gym memberships|takeaways|savings"},
    {"quote@economy",
     "we are not yet in a position to declare victory over {=THING}|the "
     "labour market in {region} is still too tight|we will do whatever "
     "it takes to bring {=THING} under control|households in {region} "
     "are feeling the squeeze from {econ_stat}|the risks to growth in "
     "{=COUNTRY} are now tilted to the {up_down}|it is {too_early} to "
     "say the worst is over for {~group}|{econ_stat} are still rising "
     "faster than we would like|the data for {month} are moving in the "
     "right direction|nobody wants to repeat the mistakes of the "
     "{#decade}|we expect {econ_stat} to fall back {q_when}|a {#points} "
     "move would hit {~group} hardest|{=COUNTRY} cannot afford another "
     "{#duration} of {uncertainty}"},
    {"action@economy",
     "raise interest rates|cut interest rates by {#points}|hold "
     "{=THING} steady|publish new forecasts in {month}|review its "
     "inflation target|cut spending by {#money}|raise {tax_kind} by "
     "{#pct}|borrow a further {#money}|extend support for {~group} until "
     "{month}|freeze fuel duty for {#duration}"},
    {"tax_kind",
     "income tax|fuel duty|VAT|corporation tax|capital gains tax|stamp "
     "duty|the sugar levy|tobacco duty|council tax|property tax"},
    {"did@economy",
     "<held|kept|left> {=THING} at {#pct}|<raised|increased> rates for "
     "the {ordinal_word} time <since {month}|in a row|this "
     "year>|<cut|lowered|downgraded> its growth forecast to "
     "{#pct}|<said|signalled> it would {~action}|published figures "
     "showing {econ_stat} {moved} {#pct}|<warned|cautioned> that "
     "{econ_stat} could <rise|climb|fall> further"},
    {"issue@economy",
     "the cost of living|the {#money} spending plan|the inflation target|"
     "the squeeze on {econ_stat}|the outlook for {=THING}|the {tax_kind} "
     "rise|the rate decision"},
    {"group@economy",
     "households|borrowers|savers|first-time buyers|small businesses|"
     "pensioners|low-income families|exporters|renters|investors"},
    {"event@economy",
     "a surprise <rise|fall|jump> in {econ_stat}|the {#pct} fall in "
     "{econ_stat}|<last month's|the recent|{month}'s> rate "
     "<rise|cut>|the budget in {month}|the {ordinal_word} rate rise in "
     "a row|<weaker|stronger> than expected growth figures"},
    {"extra@economy",
     "Financial markets had priced in a {#pct} chance of a "
     "{rate_move}[, {according_to} {source_np}].|The {currency_word} "
     "{moved} {#pct} against the {currency_word} after the "
     "{move_noun}.|{=ORG}'s next {meeting_kind} is on "
     "{#date}.|{econ_stat_cap} {moved} {#pct} in {month}, according to "
     "{agency} figures published on {=DAY}.|Core inflation, which "
     "strips out {volatile_items}, {moved} to {#pct}.|{bond_kind} "
     "yields {moved} {#points} after the {move_noun}.|Economists at "
     "{bank} {said_that} {econ_stat} would peak at {about} {#pct} in "
     "{month}.|{econ_stat_cap} in {region} are {#pct} {above_below} "
     "their level in {#recent_year}."},
    {"econ_stat_cap", "^{econ_stat}"},
    {"hl@economy",
     "{econ_stat_cap} {moved_hl} {#pct} in {month}|Inflation {moved_hl} to "
     "{#pct} as {econ_stat} {moved_hl_pl}|Central bank holds rates at "
     "{#pct}|{=COUNTRY} growth {hl_growth}|Unemployment {moved_hl} to "
     "{#pct}|{=A.sur} warns {econ_stat} will stay high"},
    {"moved_hl_pl", "rise|fall|jump|slump|climb|ease|surge|tumble"},
    {"hl_growth",
     "slows to {#pct}|beats forecasts|stalls in {ordinal_word_2} quarter|"
     "picks up|revised down"},
    {"lead_t@economy",
     "{econ_stat_cap} {moved} {#pct} in the year to {month}, figures "
     "published by {agency} showed {on_day}.|{=ORG} {~did} {on_day}, "
     "saying {econ_stat} {econ_reason}.|{=COUNTRY}'s economy "
     "<grew|expanded|shrank> {#pct} in the {ordinal_word_2} quarter, "
     "{lead_econ_tail}."},
    {"econ_reason",
     "had eased for {#int} months in a row|were still rising too fast|"
     "remained well above target|had fallen further than expected"},
    {"lead_econ_tail",
     "slower than economists had expected|the fastest pace since "
     "{#year}|helped by strong {econ_stat}|held back by weak {econ_stat}"},

    // --- Politics.
    {"org_main@politics", "{party}|{council}|{party}|{party}"},
    {"org_other@politics", "{party}|{council}|{think_tank}|{campaign_group}"},
    {"org_ref@politics", "the party|the council|the ministry|the government"},
    {"ra@politics",
     "leader of {=ORG}|the {portfolio_lc} minister|the mayor of {=TOWN}|a "
     "senior member of {=ORG}|the member of parliament for {town}|leader "
     "of {council}|the deputy prime minister|a cabinet minister"},
    {"rb@politics",
     "a political scientist at {university}|a former {portfolio_lc} "
     "minister|the opposition spokesperson on {=POLICY}|a pollster at "
     "{company}|a constitutional expert at {university}|an MP for {town}"},
    {"rc@politics",
     "{witness}|a {party_adj} Party activist in {=TOWN}|a voter in "
     "{=TOWN}|a councillor in {town}"},
    {"policy_area",
     "housing|pensions|immigration|tax|welfare|planning|energy|childcare|"
     "policing|water|transport|farming|fishing|social care|defence|"
     "broadband|rail|school funding|tuition fees|rent|fuel|council tax|"
     "the minimum wage|local government|the health service|prisons|"
     "flood defences|public sector pay"},
    {"policy_adj",
     "controversial|long-delayed|flagship|proposed|revised|new|"
     "much-criticised|cross-party|emergency|draft|sweeping|watered-down"},
    {"policy_doc",
     "bill|reform|plan|strategy|review|package|law|budget|scheme|charter"},
    {"thing@politics", "the {policy_adj} {=POLICY} {policy_doc}"},
    {"fact@politics",
     "{=THING} <passed|cleared|survived> its {ordinal_word_2} reading "
     "by {#votes}|{=ORG} <won|took|gained|lost> {#int} seats on "
     "{council}|turnout <fell|rose|dropped|climbed> to {#pct} in "
     "{=TOWN}|{#count} people <signed|backed|supported> a petition "
     "calling for {=THING} to be <scrapped|paused|put to a "
     "vote>|<opposition|rebel|independent> "
     "<members|councillors|lawmakers> walked out of the debate on "
     "{=POLICY}|the coalition agreed to {~action} after {#int} "
     "hours of <talks|negotiations|wrangling>|a poll by {company} put "
     "support for {=ORG} at {#pct}[, <down|up> {#small} points]|{#int} "
     "<members of parliament|MPs|councillors|lawmakers> voted against "
     "{=THING}|{=A} survived a <vote of no confidence|leadership "
     "challenge|confidence vote> by {#votes}|{=THING} would cost "
     "{=MONEY} over {#duration}|{=ORG} had <held|controlled|run> "
     "{=TOWN} since {#year}|the {move_noun} <split|divided|united> "
     "{=ORG}[ down the middle]|{=A} would <stand|run> in the "
     "by-election in {town}|ministers had been warned about "
     "{=POLICY} <in|as early as|before> {month}|{=ORG} "
     "<lost|gained|suspended> {#int} councillors in {month}|the "
     "{=POLICY} review was <due|expected|set> to report in "
     "{month}|{#pct} of voters in {=TOWN} <backed|opposed|supported> "
     "{=THING}|the <committee|inquiry|panel> heard evidence from {#int} "
     "<witnesses|experts|officials>|{=A} faced questions over {#money} "
     "in <undeclared|unreported|late-declared> "
     "<donations|gifts|loans>|{=ORG} <promised|pledged|vowed> to "
     "{~action}[ before {month}]|the <mayor|leader|chair> of {council} "
     "<resigned|stepped down|quit> over {=POLICY}"},
    {"quote@politics",
     "we will not be rushed into a decision on {=POLICY}|this is "
     "about fairness for {~group} in {=TOWN}|people in {=TOWN} deserve "
     "better than {=THING}|{=ORG2} has run out of ideas on "
     "{=POLICY}|nobody voted for {=THING}|we have listened to "
     "{~group} and we will {pol_promise}|{=THING} will make a real "
     "difference to families in {region}|the government has lost "
     "control of {=POLICY}|I am not going anywhere until {=THING} "
     "is {done_state}|we need a proper debate about {=POLICY} in "
     "{=COUNTRY}|the numbers in {=THING} simply do not add up|I have "
     "always been clear about where I stand on {=POLICY}|{#count} "
     "{~group} signed that petition and {they_deserve}"},
    {"action@politics",
     "raise {tax_kind} by {#pct}|scrap {=THING}|hold a referendum on "
     "{=POLICY}|cut {=POLICY} spending by {#money}|build {#count} "
     "new homes in {region}|delay {=THING} until {month}|call an early "
     "election|set up an inquiry into {=POLICY}|review the rules on "
     "{=POLICY}|publish {=THING} before {month}|cap {tax_kind} for "
     "{#duration}|rethink {=THING}|resign as {=A.role}|hand more powers "
     "over {=POLICY} to {council}"},
    {"did@politics",
     "<published|unveiled|launched> {=THING}|voted to "
     "{~action}|<announced|set out|outlined> plans to {~action}|was "
     "forced into a U-turn on "
     "{=POLICY}|<suspended|expelled|disciplined> {#int} members "
     "over {=POLICY}|lost a <key|crucial|knife-edge> vote on "
     "{=POLICY}|<set out|tabled|put forward> proposals to {~action}"},
    {"issue@politics",
     "{=THING}|the row over {=POLICY}|the {policy_adj} {=POLICY} "
     "{policy_doc}|the leadership contest|the {#money} funding gap|the "
     "by-election in {town}|the vote on {=POLICY}"},
    {"group@politics",
     "voters|pensioners|renters|first-time buyers|public sector workers|"
     "councillors|young voters|rural communities|families on low incomes|"
     "party members|residents of {=TOWN}|backbenchers|local campaigners"},
    {"event@politics",
     "the local elections in {month}|a <bruising|bitter|lengthy> "
     "leadership contest|the resignation of {person}|<last year's|the "
     "{#recent_year}> budget|a row over {=POLICY}|the by-election "
     "in {town}|the collapse of talks with {=ORG2}"},
    {"extra@politics",
     "{=ORG} {has_held} a majority of {#int} since the election in "
     "{#recent_year}.|The {policy_doc} {returns} to parliament on "
     "{#date}.|{=THING_CAP} would affect {about} {#count} {~group}, "
     "{according_to} {source_np}.|A spokesperson for {=ORG2} "
     "{said_that} the {move_noun} was {a_verdict}.|The vote was "
     "{#votes}, with {#int} abstentions.|{=A} is expected to face "
     "questions on {=POLICY} at a hearing on {#date}.|Turnout at "
     "the last election in {=TOWN} was {#pct}[, {above_below} the "
     "national average of {#pct}].|{=ORG} needs {#int} more seats to "
     "win a majority in {=TOWN}."},
    {"has_held", "has held|has had|has kept|has governed with"},
    {"hl@politics",
     "{=A.sur} vows to {hl_pledge}|{=ORG} {hl_pol_verb} {=POLICY} "
     "{policy_doc}|{policy_area_cap} {policy_doc} {hl_pass} by {#votes}|"
     "{=A.sur} under fire over {=POLICY}|Row as {=ORG} {hl_pol_verb} "
     "{=POLICY} plan|{=ORG} wins {town} by-election"},
    {"hl_pledge",
     "scrap {=POLICY} {policy_doc}|fight on|cut {tax_kind}|build "
     "{#count} homes|fix {=POLICY}"},
    {"hl_pol_verb", "unveils|scraps|delays|defends|backs|rejects|rushes"},
    {"hl_pass", "passes|approved|clears first vote|defeated|survives vote"},
    {"lead_t@politics",
     "{=ORG} {~did} {on_day}, {lead_tail}.|{=A}, {=A.role}, {said_day} "
     "that {=THING} would {pol_effect}.|<Lawmakers|Councillors|Members> "
     "voted {on_day} to {~action}, {lead_tail}.|{=A} has "
     "<promised|pledged|vowed> to {~action} if {=ORG} wins the next "
     "election, {lead_tail}."},
    {"pol_effect",
     "go ahead despite opposition from {=ORG2}|be delayed until {month}|"
     "save {#money} a year|cover {#count} {~group}|be put to a vote in "
     "{month}"},

    // --- Diplomacy and conflict.
    {"org_main@diplomacy",
     "the {country_adj} government|the {country_adj} foreign ministry|the "
     "United Nations|the {org_word} Alliance|the {country_adj} army"},
    {"org_other@diplomacy",
     "the {country_adj} government|a regional bloc|the {country_adj} "
     "embassy|aid agencies|the {org_word} Alliance"},
    {"org_ref@diplomacy", "the government|the ministry|officials|the alliance"},
    {"country_adj",
     "French|German|Italian|Spanish|Portuguese|Irish|Dutch|Belgian|Polish|"
     "Swedish|Norwegian|Danish|Finnish|Austrian|Swiss|Greek|Turkish|"
     "Romanian|Hungarian|Czech|Canadian|Mexican|Brazilian|Argentine|"
     "Chilean|Colombian|Peruvian|Japanese|South Korean|Indian|Pakistani|"
     "Indonesian|Malaysian|Vietnamese|Thai|Filipino|Australian|Egyptian|"
     "Moroccan|Nigerian|Ghanaian|Kenyan|Ethiopian|South African|Jordanian|"
     "Saudi|Qatari|Ukrainian|Georgian|Serbian|Croatian|Estonian"},
    {"ra@diplomacy",
     "the foreign minister|the {country_adj} president|the defence "
     "minister|the prime minister|{=ORG}'s envoy to {country}|the "
     "{country_adj} ambassador to {country}|the army chief of staff"},
    {"rb@diplomacy",
     "a security analyst at {think_tank}|a former ambassador to "
     "{country}|a professor of international relations at {university}|"
     "a spokesperson for {aid_agency}|a senior diplomat"},
    {"rc@diplomacy",
     "{witness}|a resident of {city}|who fled the fighting in {region}|an "
     "aid worker with {aid_agency}"},
    {"aid_agency",
     "the {org_word} Foundation|{org_word} Relief|Doctors for {country}|"
     "the {org_word} Refugee Council|{org_word} Aid International"},
    {"thing@diplomacy",
     "the ceasefire|the peace talks|the border dispute with {=COUNTRY}|the "
     "trade agreement|the sanctions on {=COUNTRY}|the prisoner exchange|"
     "the {#int}-point peace plan|the aid corridor into {region}"},
    {"fact@diplomacy",
     "talks in {city} ended without <agreement|a deal|a breakthrough> "
     "after {#int} days|{=ORG} <recalled|withdrew|summoned> its "
     "ambassador <from|to> {=COUNTRY}|{#count} people had "
     "<fled|left|been driven from> {region} since {month}|the two sides "
     "agreed to {~action}|{=ORG} <imposed|announced|extended> sanctions "
     "on {#int} {sanction_target}|<shelling|an air strike|a drone "
     "attack|artillery fire> killed at least {#int} people near "
     "{town}|{=THING} had <largely held|broadly held|been repeatedly "
     "broken> since {month}|delegations from {#int} countries "
     "<met|gathered|held talks> in {city}|{=ORG} accused {=COUNTRY} of "
     "<violating|breaching|undermining> {=THING}|{#int} aid "
     "<lorries|convoys|trucks> crossed the border <on {=DAY}|at "
     "{town}|overnight>|{=ORG} <pledged|promised|sent> {#money} in "
     "<emergency|humanitarian|food> aid|the {country_adj} and "
     "{country_adj} <leaders|foreign ministers|presidents> spoke by "
     "phone for {#int} minutes|{#int} <prisoners|hostages|detainees> "
     "were <freed|released|exchanged> under {=THING}|the border "
     "crossing at {town} <reopened|was closed|was shelled> after "
     "{#duration}|{=ORG} denied <any involvement in|responsibility for> "
     "the attack on {town}|{#int} <soldiers|troops|peacekeepers> were "
     "<deployed|sent|moved> to {region}|<satellite "
     "images|witnesses|local officials> showed {#int} "
     "<buildings|villages|bridges> destroyed near {town}"},
    {"sanction_target",
     "officials|companies|banks|shipping firms|military commanders|"
     "lawmakers|businessmen"},
    {"quote@diplomacy",
     "the door to dialogue with {=COUNTRY} remains open|we will not "
     "negotiate under threat from {=ORG2}|the humanitarian situation in "
     "{region} is {catastrophic}|{=THING} is the only way forward for "
     "{region}|we call on all sides in {region} to show restraint|our "
     "patience with {=COUNTRY} is not unlimited|the people of "
     "{=COUNTRY} want peace, not {war_thing}|we are ready to {~action} "
     "if the other side does the same|there can be no military solution "
     "in {region}|the world cannot look away from {town}|{#count} "
     "people are waiting for food in {region}"},
    {"action@diplomacy",
     "resume talks in {city}|extend {=THING} by {#duration}|send {#int} "
     "observers to {region}|lift sanctions on {=COUNTRY}|open a "
     "humanitarian corridor to {town}|expel {#int} diplomats|withdraw "
     "troops from {region}|hold a summit in {city} in {month}|release "
     "{#int} prisoners|reopen its embassy in {city}"},
    {"did@diplomacy",
     "called for an immediate <ceasefire|truce|halt to the "
     "fighting>|<summoned|expelled> the {country_adj} "
     "ambassador|announced new sanctions on {=COUNTRY}|agreed to "
     "{~action}|<rejected|welcomed|accepted> {=THING}|<suspended|broke "
     "off|resumed> talks with {=COUNTRY}"},
    {"issue@diplomacy",
     "{=THING}|the dispute over {region}|the fate of {#int} hostages|the "
     "refugee crisis in {region}|the arms embargo|the {city} talks"},
    {"group@diplomacy",
     "refugees|civilians|aid workers|diplomats|residents of {region}|"
     "displaced families|peacekeepers|foreign nationals"},
    {"event@diplomacy",
     "an attack on a <convoy|market|school|power station> near "
     "{town}|the breakdown of talks in {city}|the expulsion of {#int} "
     "diplomats|a drone strike on {town}|<last month's|the {month}> "
     "summit in {city}"},
    {"extra@diplomacy",
     "The United Nations says {#count} people in {region} need food "
     "aid.|Fighting broke out in {month} {#recent_year} after "
     "{~event}.|Foreign ministers from {#int} countries are due to meet "
     "in {city} on {#date}.|{=ORG} has denied {denial_thing}.|The "
     "{claim_kind} could not be independently verified by "
     "{outlet}.|More than {#count} people have been killed since "
     "{#recent_year}, {according_to} {source_np}.|{=COUNTRY} and "
     "{country} have {rel_state} since {#year}."},
    {"hl@diplomacy",
     "{=COUNTRY} talks collapse in {city}|{=ORG} {hl_dip_verb} sanctions "
     "on {=COUNTRY}|Ceasefire {hl_ceasefire} in {region}|Thousands flee "
     "fighting near {town}|Envoys meet in {city} as {~issue} deepens"},
    {"hl_dip_verb", "announces|extends|lifts|threatens|eases"},
    {"hl_ceasefire", "holds|collapses|agreed|extended|under strain"},
    {"lead_t@diplomacy",
     "{=ORG} {~did} {on_day}, {lead_tail}.|Talks on {=THING} resumed in "
     "{city} {on_day} after {#duration}, {official_source} "
     "{said_plain}.|{=A}, {=A.role}, {said_day} that {=ORG} was ready "
     "to {~action}."},

    // --- Technology.
    {"org_main@technology",
     "{org_stem} {tech_suffix}|{org_stem} {tech_suffix}|{org_stem}"},
    {"tech_suffix",
     "Software|Systems|Networks|Labs|Robotics|Technologies|Digital|Cloud|"
     "Data|AI|Semiconductors|Mobile|Games|Security"},
    {"org_other@technology",
     "{org_stem} {tech_suffix}|{agency}|{university}|{company}"},
    {"org_ref@technology", "the company|the firm|the start-up|the group"},
    {"ra@technology",
     "chief executive of {=ORG}|{=ORG}'s co-founder|chief technology "
     "officer at {=ORG}|head of {=TECH} at {=ORG}|{=ORG}'s president"},
    {"rb@technology",
     "a technology analyst at {bank}|a security researcher at "
     "{university}|a professor of computer science at {university}|a "
     "digital rights campaigner at {campaign_group}|a partner at {org_word} "
     "Ventures"},
    {"rc@technology",
     "{witness}|a software developer in {=TOWN}|a customer of {=ORG}|an "
     "early user of {=THING}"},
    {"tech_area",
     "artificial intelligence|cloud computing|cyber security|chip "
     "design|mobile payments|online advertising|satellite "
     "broadband|quantum computing|electric vehicle software|data "
     "centres|smart home devices|facial recognition|video "
     "streaming|online gaming|language models|digital payments|ride "
     "hailing|food delivery apps|virtual reality|wearable "
     "devices|self-driving cars|smart meters|online banking|social "
     "media|search advertising|cloud storage|chip manufacturing|drone "
     "deliveries|voice assistants|password managers|online "
     "dating|e-books|music streaming|satellite imaging|3D "
     "printing|battery software|robotic surgery|speech "
     "recognition|online marketplaces|home broadband"},
    {"gadget",
     "smartphone|tablet|smartwatch|laptop|headset|chip|app|home speaker|"
     "drone|e-reader|games console|router|robot vacuum|fitness tracker"},
    {"thing@technology",
     "its new {gadget}|the {org_word} {gadget}|its {=TECH} business|the "
     "{org_word} app|its {=TECH} platform|the {org_head}{org_tail} "
     "{gadget}"},
    {"fact@technology",
     "{=ORG} <sold|shipped|delivered> {#count} <units|copies|devices> "
     "of {=THING} in its first <week|month|weekend>|a "
     "<flaw|bug|vulnerability|weakness> in {=THING} <exposed|leaked|put "
     "at risk> the <data|details|messages> of {#count} users|{=ORG} "
     "raised {=MONEY} from investors <led by|including> {bank}|{=THING} "
     "would go on sale in {country} in {month} <for|at|priced at> "
     "{#price}|the <outage|fault|disruption> affected {#count} "
     "<customers|users|businesses> for {#int} hours|{=ORG} was valued "
     "at {#money} in its <latest|most recent|last> funding "
     "round|{agency} <opened|launched|started> an "
     "<investigation|inquiry> into {=ORG}'s use of {=TECH}|{=ORG} "
     "would build a {#money} <data centre|chip plant|research "
     "campus|factory> near {town}|<hackers|attackers|criminals> "
     "demanded {#money} after the attack on {company}|{=ORG}'s "
     "{=TECH} <revenue|sales|business> {moved} {#pct} in the "
     "{quarter}|{#pct} of <users|customers|households|businesses> in "
     "{country} had <switched to|signed up for|tried> {=THING}|{=ORG} "
     "agreed to pay {#money} to settle <claims|a lawsuit|allegations> "
     "over {=TECH}|the update was <rolled out|pushed|sent> to "
     "{#count} <devices|phones|users> {on_day}|{=ORG} <laid off|cut|let "
     "go> {#count} staff in its {=TECH} "
     "<unit|division|team>|regulators in {country} <ordered|told|asked> "
     "{=ORG} to {~action}|the <plant|campus|site> in {town} would "
     "create {#count} <jobs|roles|positions>|{#count} people "
     "<downloaded|installed|pre-ordered> {=THING} <within|in> {#int} "
     "hours"},
    {"quote@technology",
     "this is the biggest change to {=THING} since we launched in "
     "{#recent_year}|we take the security of our {#count} users "
     "extremely seriously|{=TECH} will change {industry} within "
     "{#duration}|we have fixed the problem and no {sensitive_data} was "
     "taken|regulators in {country} are years behind the technology|our "
     "users in {country} have been asking for {=THING} for a long "
     "time|the demand for {=TECH} is unlike anything we saw in "
     "{#recent_year}|nobody really knows how these {=TECH} systems "
     "make decisions|we built {=THING} for people who never read the "
     "manual|there is no evidence that {sensitive_data} was misused"},
    {"action@technology",
     "launch {=THING} in {country}|open its {=TECH} software to "
     "outside developers|stop selling {=THING} in {country}|pay {#money} "
     "in fines|hire {#count} engineers|share data with {agency}|build a "
     "factory in {town}|delay the launch of {=THING} until {month}|buy "
     "{org_stem} {tech_suffix} for {#money}|change the way it collects "
     "data from {#count} users"},
    {"did@technology",
     "<unveiled|launched|showed off> {=THING}|launched {=THING} in "
     "{#int} countries|said it would "
     "{~action}|<reported|disclosed|confirmed> a data breach affecting "
     "{#count} users|raised {=MONEY} in new funding|was fined {#money} "
     "by {agency}|<recalled|withdrew> {#count} units of {=THING}"},
    {"issue@technology",
     "the data breach|the launch of {=THING}|the {#money} fine|online "
     "safety rules|the use of {=TECH}|the chip shortage|the outage"},
    {"group@technology",
     "users|developers|gamers|parents|app makers|small businesses|"
     "subscribers|engineers|content creators|online shoppers"},
    {"event@technology",
     "a global outage in {month}|the {#money} funding round|last year's "
     "data breach|the launch of a rival {gadget} by {company}|a hacking "
     "attack on {company}"},
    {"extra@technology",
     "{=ORG} was {founded} in {#year} by {person} and {person}[ in a "
     "garage in {town}].|{=THING_CAP} will cost {#price} in {country} "
     "and go on sale on {#date}.|{=ORG} has {#count} employees and "
     "offices in {city}, {city} and {city}.|Shares in {=ORG} {moved} "
     "{#pct} in after-hours trading in {city}.|{=ORG} said {#pct} of "
     "its revenue now comes from {=TECH}.|{agency} {said_that} it "
     "had received {#count} complaints about {=THING}."},
    {"hl@technology",
     "{=ORG} unveils {gadget} with {=TECH} features|{=ORG} fined "
     "{#money} over {=TECH}|Outage hits {#count} {=ORG} users|{=ORG} "
     "to cut {#count} jobs in {=TECH} unit|Hackers target {=ORG} "
     "{gadget} users"},
    {"lead_t@technology",
     "{=ORG} {~did} on {=DAY}, {lead_tail}.|{=ORG}, the {town}-based "
     "{=TECH} company, said on {=DAY} it would {~action}.|Millions of "
     "{~group} were unable to use {=THING} on {=DAY} after {tech_fault}."},
    {"tech_fault",
     "a software update went wrong|a fire at a data centre in {town}|a "
     "cyber attack|a fault in its {=TECH} systems"},

    // --- Science.
    {"org_main@science",
     "{university}|the {org_word} Institute|the National {sci_field_cap} "
     "Laboratory|the {town} Observatory|the {org_word} Space Agency"},
    {"org_other@science", "{university}|{journal}|{agency}|{company}"},
    {"org_ref@science", "the team|the researchers|the institute|the group"},
    {"journal",
     "the journal {journal_name}|{journal_name}|the {org_word} Review of "
     "{sci_field_cap}"},
    {"journal_name",
     "Nature {sci_field_cap}|Science Advances|the {org_word} Journal|"
     "Current {sci_field_cap}|{sci_field_cap} Letters|Annals of "
     "{sci_field_cap}"},
    {"sci_field_cap",
     "Physics|Chemistry|Ecology|Genetics|Astronomy|Geology|Neuroscience|"
     "Oceanography|Climate Research|Materials Science|Palaeontology|"
     "Microbiology|Botany|Zoology"},
    {"ra@science",
     "a professor of {field} at {=ORG}|lead author of the study|head of "
     "the {sci_field_cap} group at {=ORG}|director of {=ORG}|a researcher "
     "at {=ORG}"},
    {"rb@science",
     "a {field} researcher at {university}|who was not involved in the "
     "study|a professor of {field} at {university}|an independent "
     "expert on {=SCITOPIC}"},
    {"rc@science",
     "{witness}|a volunteer who took part in the study|an amateur "
     "astronomer in {=TOWN}|a student at {=ORG}"},
    {"sci_topic", "{sci_base}|{sci_mod} {sci_base}|{sci_mod} {sci_base}"},
    {"sci_base",
     "coral reefs|bird migration|deep-sea bacteria|glaciers|volcanic "
     "activity|soil health|bee populations|dark "
     "matter|exoplanets|ancient DNA|sea ice|plastic "
     "pollution|gravitational waves|river sediments|fossil fuels|solar "
     "storms|earthquakes|rainforest canopies|insect numbers|ocean "
     "currents|battery materials|superconductors|ancient climate|early "
     "human settlements|permafrost|peat bogs|seagrass meadows|kelp "
     "forests|mangroves|groundwater|cosmic rays|neutron stars|black "
     "holes|the ozone layer|river deltas|salt marshes|ice "
     "sheets|wildflower meadows|songbird numbers|fish stocks|whale "
     "songs|ancient pollen|meteorites|tree rings|cave deposits|gut "
     "bacteria|soil fungi|cloud formation|lightning"},
    {"sci_mod",
     ""
     "Arctic|Antarctic|tropical|alpine|coastal|urban|deep-sea|upland|desert|"
     "northern|southern|freshwater|temperate|high-altitude|lowland|equatorial|"
     "subtropical|Atlantic|Pacific|inland"},
    {"creature",
     "{creature_base}|{creature_adj} {creature_base}|{creature_adj} "
     "{creature_base}"},
    {"creature_base",
     ""
     "beetle|frog|orchid|bat|shark|lizard|snail|moth|fern|songbird|dinosaur|"
     "coral|crab|mushroom|salamander|spider|eel|wasp|lichen|owl|shrimp|newt|"
     "gecko|tortoise|hummingbird|weevil|jellyfish|sea "
     "slug|mole|shrew|toad|dragonfly|cricket|ant|bee|squid|octopus|catfish|"
     "seahorse|finch"},
    {"creature_adj",
     ""
     "blind|giant|dwarf|striped|spotted|cave|river|mountain|desert|pygmy|"
     "golden|horned|banded|long-tailed|glass|ghost|armoured|tiny|burrowing|"
     "night"},
    {"thing@science",
     "the study of {=SCITOPIC}|the {org_word} telescope|the new species of "
     "{=CREATURE}|the {=SCITOPIC} project|its {#count}-year record of "
     "{=SCITOPIC}|the {org_word} probe"},
    {"fact@science",
     "the <team|researchers|scientists> <studied|analysed|examined> "
     "{#count} samples of {=SCITOPIC} from {#int} sites|{=SCITOPIC} had "
     "<declined|fallen|shrunk|increased> by {#pct} since the "
     "{#decade}|the {=CREATURE} was <found|discovered|spotted|recorded> "
     "in {region}, {#distance} from the nearest <known|recorded> "
     "population|the <results|findings|data> were published in "
     "{journal} {on_day}|{=ORG} <received|won|was awarded> {=MONEY} to "
     "<study|monitor|map> {=SCITOPIC}|the "
     "<fossil|skeleton|skull|specimen> was about {#count} years old|the "
     "researchers used {#count} hours of "
     "<supercomputer|computer|telescope> time|{=THING} had "
     "<collected|gathered|recorded> data for {#duration}|{=SCITOPIC} in "
     "{region} changed <faster|more slowly> than "
     "<models|scientists|earlier studies> had predicted|the probe "
     "<travelled|flew|covered> {#count} km before "
     "<sending|beaming|relaying> back its first "
     "<images|pictures|readings>|volunteers recorded {#count} "
     "<sightings|records|observations> of the {=CREATURE}|the "
     "<finding|result|discovery> could help explain {=SCITOPIC}|the "
     "effect was {#pct} <larger|smaller|stronger|weaker> than in "
     "<earlier|previous> experiments|samples were taken at a depth of "
     "{#count} metres off {town}|<about|nearly|more than> {#pct} of "
     "{=SCITOPIC} in {region} <had been lost|was at risk|was "
     "unaccounted for>|{#int} <students|volunteers|divers|pilots> "
     "helped to <collect|sort|check> the data"},
    {"quote@science",
     "this is the first time anyone has seen {=SCITOPIC} behave like "
     "this|we were {genuinely} surprised by the {result_word}|the data "
     "on {=SCITOPIC} tell a very clear story|much more work is needed "
     "before we can say anything about {=SCITOPIC}|{=SCITOPIC} is "
     "changing in front of our eyes|it took us {#duration} to be sure "
     "we were not fooling ourselves|this {result_word} raises as many "
     "questions as it answers|without long-term funding, research on "
     "{=SCITOPIC} is impossible|the {=CREATURE} had been hiding in plain "
     "sight in {region}|we now have {#int} times more data on "
     "{=SCITOPIC} than {#int} years ago"},
    {"action@science",
     "repeat the experiment at {university}|share the data with "
     "researchers in {country}|launch the probe in {month}|extend the "
     "study to {region}|build a second telescope in {country}|test the "
     "idea on {=SCITOPIC}|publish the full data set by {month}"},
    {"did@science",
     "published a study on {=SCITOPIC}|<announced|reported|confirmed> "
     "the discovery of a new {=CREATURE}|won {#money} in funding for "
     "{=THING}|said it would {~action}|released the first "
     "<images|data|results> from {=THING}"},
    {"issue@science",
     "the decline of {=SCITOPIC}|{=THING}|the research on {=SCITOPIC}|the "
     "funding cuts to {sci_field_cap} research|the {=CREATURE} discovery"},
    {"group@science",
     "scientists|researchers|conservationists|students|farmers|"
     "astronomers|fishing communities|citizen scientists"},
    {"event@science",
     "a similar discovery in {country} in {#recent_year}|the launch of "
     "{=THING}|cuts to the {sci_field_cap} budget|last year's heatwave"},
    {"extra@science",
     "The study was funded by {=ORG2} and {agency}.|The {=CREATURE} "
     "measures {about} {#int} centimetres and lives {habitat}.|The "
     "findings <on|about> {=SCITOPIC} {peer_state}.|{=ORG} has studied "
     "{=SCITOPIC} in {region} since {#year}.|The research involved "
     "{#int} scientists from {#int} countries.|The samples are stored "
     "at {=ORG} in {=TOWN}[ and will be shared with {university}]."},
    {"habitat",
     "in leaf litter|under rocks near streams|in caves|on the sea floor|"
     "high in the canopy|in peat bogs|along river banks"},
    {"hl@science",
     "New {=CREATURE} species found in {region}|Scientists warn over "
     "{=SCITOPIC}|{=ORG} study sheds light on {=SCITOPIC}|{sci_topic_cap} "
     "declining faster than thought|Probe sends back first images"},
    {"sci_topic_cap", "^{=SCITOPIC}"},
    {"lead_t@science",
     "Scientists at {=ORG} have {sci_found}, according to a study "
     "published on {=DAY}.|{=ORG} {~did} on {=DAY}, {lead_tail}.|A team "
     "led by {=A} said on {=DAY} that {~fact}."},
    {"sci_found",
     "found a new species of {=CREATURE} in {region}|shown that "
     "{=SCITOPIC} is declining by {#pct} a year|measured {=SCITOPIC} in "
     "unprecedented detail|linked {=SCITOPIC} to {sci_topic}"},

    // --- Health.
    {"org_main@health",
     "{town} General Hospital|the {town} Health Trust|{health_agency}|"
     "{company}|the {town} and {town} Hospitals Trust"},
    {"health_agency",
     "the {agency_area} Health Agency|the National Health Institute|the "
     "{org_word} Medical Council|the Department of Health"},
    {"org_other@health",
     "{university}|{health_agency}|the {org_word} Nurses' Union|{company}"},
    {"org_ref@health", "the trust|the hospital|the agency|the company"},
    {"ra@health",
     "chief executive of {=ORG}|medical director at {=ORG}|the health "
     "minister|head of infectious diseases at {=ORG}|chief nurse at "
     "{=ORG}"},
    {"rb@health",
     "a professor of {field} at {university}|a spokesperson for the "
     "{org_word} Nurses' Union|a public health expert at {university}|a "
     "consultant at {town} General Hospital|chair of {patient_group}"},
    {"patient_group",
     "the {country_adj} {=CONDITION} charity|{org_word} Patient Voice|the "
     "{town} "
     "Patients' Association"},
    {"rc@health",
     "{witness}|whose {relative} was treated at {=ORG}|a patient at "
     "{=ORG}|a nurse at {=ORG}"},
    {"relative",
     "mother|father|son|daughter|husband|wife|grandmother|brother|sister"},
    {"condition",
     "diabetes|measles|cancer|asthma|dementia|heart "
     "disease|flu|tuberculosis|malaria|stroke|arthritis|hepatitis|kidney "
     "disease|obesity|depression|whooping cough|Lyme "
     "disease|meningitis|glaucoma|sepsis|epilepsy|psoriasis|anaemia|scarlet "
     "fever|norovirus|mumps|rubella|shingles|cholera|dengue fever|motor "
     "neurone disease|Parkinson's disease|multiple sclerosis|cystic "
     "fibrosis|osteoporosis|high blood pressure|liver disease|long "
     "Covid|bird flu|food poisoning|hay fever|eczema|migraine|sickle "
     "cell disease"},
    {"thing@health",
     "waiting times at {=ORG}|the {=CONDITION} vaccine|the new {=CONDITION} "
     "drug|the {=CONDITION} outbreak|the {town} maternity unit|the "
     "{=CONDITION} screening programme"},
    {"fact@health",
     "{#count} patients waited more than {#int} hours in <A&E|the "
     "emergency department|casualty> in {month}|{#int} cases of "
     "{=CONDITION} were confirmed in {=TOWN}[ <this month|since "
     "{month}|in {#int} days>]|the drug <cut|reduced|lowered> the risk "
     "of {=CONDITION} by {#pct} in <trials|a trial|tests>|{=ORG} had "
     "{#int} <vacancies|unfilled posts|empty posts> for "
     "{staff_kind}|{=THING} would be offered to {#count} people over "
     "the age of {#age}|the trust spent {#money} on <agency staff|locum "
     "doctors|private ambulances> <last year|in {month}|since "
     "{#recent_year}>|{#pct} of children in {region} had been "
     "vaccinated against {=CONDITION}|the ward was closed to "
     "<visitors|new admissions|patients> for {#duration}|{=ORG} missed "
     "its target for {=CONDITION} treatment for the {ordinal_word} "
     "month|the study followed {#count} "
     "<adults|children|patients|volunteers> for {#duration}|inspectors "
     "rated {=ORG}'s {ward} as <inadequate|requiring "
     "improvement|good>|{health_agency} <approved|licensed|rejected> "
     "the treatment for use in {=COUNTRY}|the waiting list in {region} "
     "<grew|rose|fell> to {#count}|a course of the drug costs {#cash} "
     "per patient|{#int} <patients|babies|mothers> were "
     "<harmed|affected|put at risk> by <delays|errors|staff shortages> "
     "in the {ward}"},
    {"ward",
     "emergency department|maternity services|children's ward|cancer "
     "services|mental health unit|surgical wards"},
    {"quote@health",
     "our staff at {=ORG} are working under enormous pressure|patients "
     "in {region} should not have to wait {#int} weeks|the {=CONDITION} "
     "vaccine is safe and it works|I would urge anyone with {symptom} "
     "to stay at home|this drug could transform the lives of people "
     "with {=CONDITION}|we are sorry for the distress caused to {#int} "
     "families|we simply do not have enough {staff_kind} in "
     "{=TOWN}|early diagnosis of {=CONDITION} saves lives|the situation "
     "in {region} is being closely monitored|we have learned lessons "
     "from {~event} and made changes|{#count} patients a year rely on "
     "the {ward}"},
    {"action@health",
     "recruit {#count} nurses|offer {=THING} to all adults over {#age}|"
     "close the {ward} at night|open a new {ward} in {town}|cut waiting "
     "times to {#int} weeks|review {#count} patient records|launch a "
     "vaccination drive in {region}|spend {#money} on new scanners|"
     "publish the inquiry report in {month}"},
    {"did@health",
     "apologised to <patients|families>[ after {~event}]|confirmed "
     "{#int} new cases of {=CONDITION}|announced plans to "
     "{~action}|<approved|licensed> {=THING}|was rated "
     "<inadequate|requiring improvement> by inspectors|said it would "
     "{~action}"},
    {"issue@health",
     "{=THING}|the shortage of nurses|the {=CONDITION} outbreak|the "
     "{#money} funding gap|hospital waiting lists|the closure of the "
     "{ward}"},
    {"group@health",
     "patients|nurses|doctors|carers|parents|older people|junior "
     "doctors|pharmacists|people with {=CONDITION}|hospital staff"},
    {"event@health",
     "a critical inspection report|the {=CONDITION} outbreak in {month}|"
     "the death of a patient in {month}|a winter of record demand|a "
     "strike by {#count} junior doctors"},
    {"extra@health",
     "Symptoms of {=CONDITION} include {symptom} and {symptom}.|{=ORG} "
     "treats {about} {#count} patients a year.|The trial involved "
     "{#count} patients at {#int} hospitals in "
     "{country}.|{health_agency} said the risk to the {wider} public in "
     "{region} remained low.|Nurses at {=ORG} voted by {#pct} to strike "
     "over {labour_issue}.|The {ward} at {=ORG} has {#int} beds and "
     "{#int} vacancies."},
    {"symptom",
     "a persistent cough|a rash|headaches|aching joints|shortness of "
     "breath|blurred vision|a sore throat"},
    {"hl@health",
     "{condition_cap} cases rise in {=TOWN}|{=ORG} apologises over "
     "{ward}|New {=CONDITION} drug {hl_drug}|Waiting times at {=ORG} hit "
     "record|Nurses at {=ORG} to strike"},
    {"condition_cap", "^{=CONDITION}"},
    {"hl_drug",
     "approved|cuts deaths by {#pct}|rationed|to be offered to "
     "{#count}"},
    {"lead_t@health",
     "{=ORG} {~did} on {=DAY}, {lead_tail}.|Health officials in {=TOWN} "
     "confirmed {#int} cases of {=CONDITION} on {=DAY}, {lead_tail}.|"
     "Patients at {=ORG} are waiting an average of {#int} weeks for "
     "{treatment}, figures showed on {=DAY}."},
    {"treatment",
     "a hip replacement|cancer treatment|a scan|a first appointment|"
     "cataract surgery|a mental health assessment|a knee operation"},

    // --- Weather and disasters.
    {"org_main@weather",
     "the {country_adj} Meteorological Service|the {town} Fire Service|"
     "{council}|the {agency_area} Agency|the National Weather Service"},
    {"org_other@weather", "{council}|{agency}|the army|the coastguard"},
    {"org_ref@weather", "the service|the agency|the council|officials"},
    {"ra@weather",
     "a forecaster at {=ORG}|chief fire officer at {=ORG}|the leader of "
     "{council}|the emergency services minister|the mayor of {=TOWN}"},
    {"rb@weather",
     "a climate scientist at {university}|a hydrologist at {university}|"
     "a spokesperson for {insurer}|a meteorologist at {company}"},
    {"insurer", "{org_stem} Insurance|{org_word} Mutual|{org_stem} Re"},
    {"rc@weather",
     "{witness}|whose home was flooded|who spent the night in an "
     "evacuation centre|a farmer who lost {#int} sheep"},
    {"storm_name",
     "Storm {first_f}|Storm {first_m}|Hurricane {first_f}|Typhoon "
     "{first_m}|Cyclone {first_f}"},
    {"thing@weather",
     "{storm_name}|the flooding in {region}|the heatwave|the wildfire near "
     "{=TOWN}|the drought in {region}|the snowstorm|the landslide in "
     "{town}"},
    {"fact@weather",
     "up to {#rainfall} of rain fell in {#int} hours|{#count} "
     "<homes|properties|businesses> were left without "
     "<power|water|heating>|temperatures <reached|hit|topped> "
     "{#temperature} in {=TOWN}|{#count} people were "
     "<evacuated|moved|rescued> from {region}|the River {river_name} "
     "<burst its banks|flooded|rose {#int} metres> at {town}|{#int} "
     "people <died|were killed> and {#int} were "
     "<missing|injured|unaccounted for>|{=THING} "
     "<destroyed|burnt|damaged> {#count} hectares of "
     "<forest|farmland|moorland>|<winds|gusts> of {#int} miles per hour "
     "were recorded at {town}|<schools|roads|bridges> in {region} were "
     "closed {on_day}|<insurers|officials|analysts> <estimated|put> the "
     "damage at {#money}|{#int} flood <warnings|alerts> remained in "
     "place[ across {region}]|{=ORG} issued a <red|amber|yellow> "
     "warning for {region}|the fire was {#pct} contained by {=DAY} "
     "<evening|morning|night>|{#count} "
     "<firefighters|soldiers|volunteers> were "
     "<fighting|tackling|battling> the <blaze|fires|floods>|the driest "
     "{season} since {#year} left reservoirs at {#pct} of "
     "capacity|roads between {town} and {town} were <blocked|closed|cut "
     "off> by <fallen trees|floodwater|snow|landslides>"},
    {"quote@weather",
     "the water came up so fast that we had no time to {take_what}|we "
     "have never seen anything like this in {=TOWN}|please do not "
     "travel in {region} unless your journey is essential|events like "
     "{=THING} are becoming more frequent as the climate warms|our "
     "crews <in {=TOWN}|from {town}|across {region}> worked through the "
     "night in {conditions}|the next {#int} hours will be critical for "
     "{town}|people living near the River {river_name} should be ready "
     "to leave|we lost {lost_what} in a matter of minutes|{#count} "
     "homes in {region} are still without power"},
    {"action@weather",
     "evacuate {#count} residents|open emergency shelters in {town}|send "
     "the army to help in {region}|ban hosepipes from {month}|spend "
     "{#money} on flood defences|declare a state of emergency in "
     "{region}|close the coast road until {=DAY}"},
    {"did@weather",
     "issued a <red|amber> warning for {region}|declared a major "
     "incident|ordered the evacuation of {#count} homes|said it would "
     "{~action}|<warned|cautioned> of more {=HAZARD} in {region}"},
    {"weather_hazard",
     "heavy rain|flooding|high winds|snow|ice|thunderstorms|wildfires|"
     "heat|landslides"},
    {"issue@weather",
     "{=THING}|the clean-up in {region}|flood defences in {region}|the "
     "water shortage|the cost of the damage"},
    {"group@weather",
     "residents|farmers|motorists|homeowners|rail passengers|holidaymakers|"
     "emergency crews|volunteers|insurers|coastal communities"},
    {"event@weather",
     "{storm_name} in {month}|floods in {#recent_year}|the worst drought "
     "since {#year}|a week of heavy rain|last summer's wildfires"},
    {"extra@weather",
     "{=ORG} said {=HAZARD} would continue until "
     "{=DAY}.|Residents of {town} were told to {boil_advice}.|The last "
     "comparable {weather_word} in {region} was in {#year}.|Rail "
     "services between {town} and {town} were suspended[ until "
     "{=DAY}].|{about_cap} {#count} properties in {region} are at risk "
     "of flooding, {according_to} {source_np}.|{#int} schools in "
     "{region} stayed closed on {=DAY}."},
    {"weather_word", "flood|storm|heatwave|drought|snowfall|fire"},
    {"hl@weather",
     "{storm_name} batters {region}|Thousands evacuated as River "
     "{river_name} floods|Heatwave: {=TOWN} records {#temperature}|"
     "Wildfire near {=TOWN} forces evacuations|Red warning for "
     "{=HAZARD} in {region}"},
    {"lead_t@weather",
     "More than {#count} people were evacuated from {region} on {=DAY} "
     "after {weather_cause}.|{=THING_CAP} {weather_hit} on {=DAY}, "
     "{lead_tail}.|{=ORG} {~did} on {=DAY} as {=HAZARD} hit "
     "{region}."},
    {"weather_cause",
     "{#int} days of heavy rain pushed rivers over their banks|a wildfire "
     "spread towards {town}|{storm_name} brought winds of {#int} mph|a "
     "dam upstream of {town} began to fail"},
    {"weather_hit",
     "swept across {region}|hit {=TOWN}|caused chaos in {region}|left "
     "{#count} homes without power"},

    // --- Courts.
    {"org_main@courts",
     "{company}|{council}|{agency}|{company}|the {org_word} Trust"},
    {"org_other@courts",
     "the Supreme Court|the Court of Appeal|{agency}|{company}|the "
     "{town} Crown Court"},
    {"org_ref@courts", "the company|the council|the defendant|the body"},
    {"court",
     "the High Court in {city}|{town} Crown Court|the Court of Appeal|the "
     "Supreme Court|{town} Magistrates' Court|the {town} District Court|"
     "an employment tribunal in {town}"},
    {"ra@courts",
     "a lawyer for {=ORG}|chief executive of {=ORG}|a barrister acting for "
     "{=ORG}|the prosecutor|counsel for the claimants"},
    {"rb@courts",
     "a professor of law at {university}|a partner at {law_firm}|a former "
     "judge|a spokesperson for {campaign_group}|a legal analyst at "
     "{company}"},
    {"law_firm",
     "{surname} & {surname}|{surname} {surname} LLP|{surname} "
     "Law"},
    {"rc@courts",
     "{witness}|one of the claimants|who brought the case|whose "
     "{relative} died in {#recent_year}"},
    {"thing@courts",
     "the case against {=ORG}|the {#money} claim|the class action brought "
     "by {#count} {~group}|the appeal by {=ORG}|the lawsuit over "
     "{=LEGAL}"},
    {"legal_subject",
     "unpaid wages|a contaminated water supply|faulty {product} products|"
     "the {town} bypass|pension rights|a data leak|planning permission "
     "for {#count} homes|unfair dismissal|the death of {person}|breach of "
     "contract|copyright in {#int} songs"},
    {"judge",
     "Judge {surname}|Justice {surname}|Mr. Justice {surname}|Mrs. "
     "Justice {surname}|the judge|Lord Justice {surname}"},
    {"fact@courts",
     "{judge} <ruled|found|concluded> that {=ORG} had <acted "
     "unlawfully|breached the law|been negligent>|the jury took {#int} "
     "hours to reach <its verdict|a decision|a unanimous "
     "verdict>|{=ORG} was ordered to pay {=MONEY} in "
     "<damages|compensation|costs>|the court heard that {~group} had "
     "<complained|raised concerns> about {=LEGAL} since "
     "{#recent_year}|the appeal was <dismissed|rejected|upheld> by "
     "{#small} judges to {#small}|{=ORG} <denied|disputed|rejected> "
     "<any wrongdoing|the allegations|liability>|the trial was expected "
     "to last {#duration}|{#count} <documents|emails|pages of evidence> "
     "were <disclosed|handed over|submitted> before the hearing|{judge} "
     "said the evidence was {evidence_adj}|lawyers for {=ORG} argued "
     "that {legal_argument}|the claimants were seeking {=MONEY} in "
     "compensation|{judge} adjourned the case until {#date}|the ruling "
     "could open the way for {#count} <similar|further|related> "
     "claims|{=ORG} was fined {#money} and ordered to pay costs of "
     "{#money}|{#int} <witnesses|experts|former employees> gave "
     "evidence[ over {#duration}]"},
    {"evidence_adj",
     "overwhelming|unconvincing|deeply troubling|inconsistent|"
     "compelling|incomplete"},
    {"legal_argument",
     "the claim had been brought too late|the contract did not apply|"
     "the rules had been followed|the damage was caused by {company}|the "
     "case should be heard in {country}"},
    {"quote@courts",
     "justice has finally been done for {~group}|we are disappointed "
     "with {judge}'s ruling and will consider {next_step}|this judgment "
     "sends a clear message to companies like {=ORG}|we have waited "
     "{#int} years for this day|the court has recognised what {~group} "
     "have been saying since {#recent_year}|no amount of money can "
     "bring back what we lost in {#recent_year}|we have always "
     "maintained that {=ORG} acted lawfully|this case was never about "
     "the {=MONEY}|{judge} got this badly wrong"},
    {"action@courts",
     "appeal against the ruling|pay {#money} in compensation|settle the "
     "claim out of court|take the case to the Supreme Court|review its "
     "contracts with {#count} {~group}|publish the findings in full|"
     "reopen the inquiry into {=LEGAL}"},
    {"did@courts",
     "lost its appeal at {court}|was ordered to pay {=MONEY}|agreed to "
     "{~action}|pleaded guilty to {legal_charge}|won a ruling at "
     "{court}|said it would {~action}"},
    {"legal_charge",
     "breaching health and safety law|fraud|false accounting|polluting "
     "the River {river_name}|breaching competition law|data protection "
     "offences"},
    {"issue@courts",
     "{=THING}|the ruling|the compensation scheme|the legal battle over "
     "{=LEGAL}|the appeal"},
    {"group@courts",
     "claimants|former employees|residents|families|shareholders|"
     "tenants|patients|victims|campaigners"},
    {"event@courts",
     "a {#int}-week trial|a ruling at {court} in {month}|the collapse of "
     "a previous case in {#recent_year}|a public inquiry in "
     "{#recent_year}"},
    {"extra@courts",
     "The case was heard at {court} over {#duration}.|{=ORG} has {#int} "
     "days to lodge an appeal.|The claim was first brought in "
     "{#recent_year} by {#count} {~group}.|{judge} is expected to "
     "decide on costs {later_when}.|A full judgment will be published "
     "on {#date}.|{=ORG} has set aside {#money} to cover {legal_costs}."},
    {"hl@courts",
     "{=ORG} loses {=LEGAL} case|Court orders {=ORG} to pay "
     "{=MONEY}|{=ORG} to appeal against ruling|Judge rules against "
     "{=ORG} over {=LEGAL}|{=ORG} fined {#money}"},
    {"lead_t@courts",
     "{court_cap} ruled on {=DAY} that {=ORG} {court_found}.|{=ORG} "
     "{~did} on {=DAY}, {lead_tail}.|A judge at {court} ordered {=ORG} "
     "to pay {=MONEY} to {#count} {~group} on {=DAY}."},
    {"court_cap", "^{court}"},
    {"court_found",
     "had acted unlawfully over {=LEGAL}|owed {#count} {~group} "
     "{#money}|must reopen its inquiry into {=LEGAL}|had breached "
     "its contract with {=ORG2}"},

    // --- Crime.
    {"org_main@crime",
     "{town} Police|the {town} Police Service|the {region_force} "
     "Constabulary|the National Crime Agency"},
    {"region_force",
     "{town_head}shire|{town_head} Valley|{compass} Counties|{town} and "
     "District"},
    {"org_other@crime",
     "the Crown Prosecution Service|{council}|the {agency_area} "
     "Authority|the coroner's office"},
    {"org_ref@crime", "police|the force|officers|detectives"},
    {"ra@crime",
     "a detective inspector with {=ORG}|a senior detective with "
     "{=ORG}|the chief constable of {=ORG}|head of {=ORG}'s major crime "
     "unit|a police spokesperson"},
    {"rb@crime",
     "a criminologist at {university}|a former detective|a spokesperson "
     "for the {town} Victims' Association|a lawyer for the family"},
    {"rc@crime",
     "{witness}|who lives on the same street|who saw the attack|the "
     "owner of a nearby {small_business}"},
    {"thing@crime",
     "the investigation|the robbery at a {small_business} in {=TOWN}|the "
     "murder inquiry|the fraud case|the search for {person}|the "
     "burglaries in {=TOWN}"},
    {"suspect",
     "a {#age}-year-old man from {town}|a {#age}-year-old woman|two men "
     "aged {#age} and {#age}|a teenager from {town}|a man in his "
     "{decade_age}|a {#age}-year-old {occupation}"},
    {"decade_age", "twenties|thirties|forties|fifties|sixties"},
    {"fact@crime",
     "{suspect} was arrested on suspicion of {=OFFENCE}|officers were "
     "called to {street} at about {#clock}|{suspect} was charged with "
     "{=OFFENCE}|<items|goods|jewellery|cash> worth {#cash} were "
     "taken|the victim, aged {#age}, was taken to hospital with "
     "{injury}|police seized {#count} {seized} during raids in "
     "{region}|{suspect} was released on bail until {month}|detectives "
     "were <studying|examining|reviewing> CCTV footage from "
     "{street}|{#int} people had been arrested since {month}|a "
     "post-mortem examination was due to take place {on_day}|{suspect} "
     "was jailed for {#duration} at {court}|the <car|van|motorbike> was "
     "found burnt out in {town}|{=ORG} had received {#int} reports of "
     "{=OFFENCE} in {region} <this year|since {month}|in {#duration}>|a "
     "cordon remained in place around {street}|{#int} "
     "<shops|homes|cars|sheds> in {=TOWN} were <targeted|broken "
     "into|damaged> <in {#int} days|in one night|since {month}>"},
    {"offence",
     "burglary|fraud|assault|money laundering|dangerous "
     "driving|arson|theft|robbery|murder|possession of a firearm|drug "
     "dealing|blackmail|criminal damage|handling stolen "
     "goods|stalking|kidnapping|people smuggling|insider "
     "dealing|bribery|tax evasion|identity theft|car "
     "theft|shoplifting|harassment|cyber fraud|poaching|illegal "
     "dumping|wildlife "
     "trafficking|counterfeiting|vandalism|forgery|witness "
     "intimidation|cattle rustling|metal theft"},
    {"injury",
     "serious head injuries|stab wounds|minor injuries|a broken leg|"
     "life-threatening injuries|burns"},
    {"seized",
     "mobile phones|cannabis plants|bank cards|counterfeit watches|"
     "stolen bicycles|firearms|luxury cars|laptops"},
    {"street",
     "{town_head} {street_type}|{street_name} {street_type}|the "
     "{town_head} estate|a house in {street_name} {street_type}"},
    {"street_name",
     "Station|Church|Mill|Victoria|Albert|Queen's|King's|Park|Chapel|"
     "Market|Bridge|Castle|Orchard|Meadow|Elm|Hawthorn|Beech|Willow"},
    {"street_type",
     "Road|Street|Lane|Avenue|Close|Crescent|Drive|Way|"
     "Terrace|Gardens"},
    {"quote@crime",
     "this was a shocking attack on a quiet street in {=TOWN}|we are "
     "keeping an open mind about the motive for the {event_short} in "
     "{=TOWN}|I would urge anyone who was in {street} on {=DAY} to come "
     "forward|there is no wider threat to the public in {=TOWN}|our "
     "thoughts are with {victim_family} at this very difficult time|we "
     "will not tolerate {=OFFENCE} in {=TOWN}|you never expect "
     "{=OFFENCE} to happen on your doorstep|we know someone in {=TOWN} "
     "knows who did this|{#int} officers have been working on {=THING} "
     "around the clock"},
    {"action@crime",
     "step up patrols in {=TOWN}|review {#count} hours of CCTV footage|"
     "appeal for witnesses|reopen the case|set up a mobile police station "
     "in {town}|search woodland near {town}|offer a reward of {#cash}"},
    {"did@crime",
     "arrested {suspect}|launched a murder inquiry|appealed for "
     "witnesses[ after {~event}]|charged {suspect} with {=OFFENCE}|said "
     "it would {~action}|named the victim as {person}, {#age}"},
    {"issue@crime",
     "{=THING}|the rise in {=OFFENCE}|the police response|the search|"
     "knife crime in {=TOWN}"},
    {"group@crime",
     "residents|shopkeepers|witnesses|motorists|families|neighbours|"
     "victims|young people"},
    {"event@crime",
     "a stabbing in {street}|a spate of burglaries|the robbery at a "
     "{small_business} in {town}|a hit-and-run in {street}"},
    {"extra@crime",
     "Anyone with information is asked to call {=ORG} quoting reference "
     "{#count}.|{victim_family_cap} {family_state}, <{=ORG} "
     "said|officers said|police in {=TOWN} said>.|{suspect_cap} will "
     "appear before {court} on {=DAY}.|Officers remained at the scene "
     "in {street} on {=DAY} {part_of_day}.|{=ORG} said {=OFFENCE} in "
     "{=TOWN} had risen by {#pct} in the past year.|A {#age}-year-old "
     "{also_arrested}."},
    {"suspect_cap", "^{suspect}"},
    {"hl@crime",
     "Man arrested after {=OFFENCE} in {=TOWN}|Police appeal after "
     "{event_short} in {=TOWN}|{=TOWN} {=OFFENCE} gang jailed|Murder "
     "inquiry launched in {=TOWN}|{#cash} stolen in {=TOWN} raid"},
    {"event_short", "stabbing|robbery|crash|fire|attack|break-in"},
    {"lead_t@crime",
     "{suspect_cap} has been arrested after {~event}, {=ORG} said on "
     "{=DAY}.|{=ORG} {~did} on {=DAY} after {~event}.|Detectives in "
     "{=TOWN} are appealing for witnesses after {~event} on {=DAY}."},

    // --- Sport.
    {"org_main@sport", "{club}|{club}|the {sport_body}"},
    {"club",
     "{town} {club_suffix}|{town} {club_suffix}|{town_head}{town_tail} "
     "{club_suffix}"},
    {"club_suffix",
     "United|City|Rovers|Athletic|Wanderers|Albion|Town|Rangers|Celtic|"
     "FC|Dynamos|Saints|Harriers|Orient|Hotspur|Villa|Argyle|Thistle"},
    {"sport_body",
     "{sport_cap} Federation|{country_adj} {sport_cap} Association|{org_word} "
     "{sport_cap} League"},
    {"sport_cap",
     "Football|Rugby|Cricket|Athletics|Tennis|Cycling|"
     "Basketball|Hockey|Rowing|Swimming"},
    {"org_other@sport", "{club}|{club}|the {sport_body}|{company}"},
    {"org_ref@sport", "the club|the side|the team|the club"},
    {"ra@sport",
     "{=ORG} manager|{=ORG}'s head coach|captain of {=ORG}|{=ORG}'s "
     "director of football|{=ORG}'s chairman"},
    {"rb@sport",
     "a former {=ORG} striker|a pundit on {outlet}|the {club} manager|a "
     "sports economist at {university}"},
    {"rc@sport",
     "{witness}|a {=ORG} supporter for {#int} years|a season ticket "
     "holder|who travelled from {town} for the match"},
    {"thing@sport",
     "the {cup_name}|the title race|the relegation battle|the "
     "{cup_name} final|the play-offs|the {cup_name} semi-final|the "
     "promotion race"},
    {"cup_name",
     "{org_word} Cup|{town} Trophy|{sport_cap} Championship|{country_adj} "
     "Cup|Premier Division|{org_word} Shield"},
    {"fact@sport",
     "{=ORG} <beat|thrashed|edged past|lost to|drew with> {club} "
     "{#score} at {venue}|{person} scored in the {#minute} "
     "minute|{=ORG} are {#int} points <clear at the top|adrift at the "
     "bottom|behind the leaders>|the crowd of {#count} was the "
     "<biggest|smallest> at {venue} this season|{person} signed a "
     "{#small}-year contract worth {#money}|{=ORG} have won {#small} of "
     "their last {#int} games|{person} was sent off for a <second "
     "booking|late tackle|foul on {person}> after {#int} minutes|the "
     "club was fined {#money} for {sport_breach}|{=ORG} paid {#money} "
     "for the {#age}-year-old {position}|{person} broke the "
     "{sport_record} by {#int} seconds|{=ORG} were knocked out of the "
     "{cup_name} by {club}|the match was delayed by {#int} minutes "
     "because of {sport_delay}|{person} <limped off|was taken off|went "
     "off> with a {sport_injury}|{=ORG} <dropped|climbed|slipped|rose> "
     "to {#ordinal} in the table|{person} <saved|missed|converted> a "
     "penalty in the {#minute} minute"},
    {"venue",
     "{town} Park|the {org_word} Stadium|{street_name} Road|the "
     "{town} Arena|{town_head} Lane"},
    {"position",
     "striker|midfielder|defender|goalkeeper|winger|"
     "full-back|fly-half|fast bowler|centre-back"},
    {"sport_breach",
     "crowd trouble|breaching spending rules|fielding an ineligible "
     "player|a late kick-off|misconduct by players"},
    {"sport_record",
     "national record|course record|club record|world record|"
     "championship record"},
    {"sport_delay",
     "heavy rain|a floodlight failure|crowd trouble|a medical emergency in "
     "the stands|fog|a waterlogged pitch"},
    {"sport_injury",
     "hamstring injury|knee injury|ankle problem|groin strain|shoulder "
     "injury|concussion"},
    {"quote@sport",
     "the {players_word} gave everything out there|we were second best "
     "for {#int} minutes and you cannot do that at this level|it is a "
     "dream come true to play for {=ORG}|we take nothing for granted in "
     "{=THING}|the referee had a {difficult} afternoon|our supporters "
     "were {magnificent} again|we have to be better than that against "
     "{club}|I have never felt fitter than I do at {#age}|there is a "
     "long way to go in {=THING}|that was the best performance since I "
     "arrived at {=ORG} in {#recent_year}|{#score} flatters us if I am "
     "honest"},
    {"action@sport",
     "sign {person} from {club}|appeal against the red card|sack its "
     "manager|build a {#count}-seat stadium|sell {#count} more season "
     "tickets|cut ticket prices by {#pct}|move to {venue} by "
     "{#recent_year}|extend the contract of {person}"},
    {"did@sport",
     "sacked <manager|coach|head coach> {person}|signed {person} for "
     "{#money}|beat {club} {#score}|lost {#score} to {club}|appointed "
     "{person} as head coach|said it would {~action}|were fined {#money}"},
    {"issue@sport",
     "{=THING}|the future of the manager|ticket prices|the club's "
     "finances|the {#money} transfer|the stadium move"},
    {"group@sport",
     "supporters|players|season ticket holders|coaches|rival fans|"
     "youth players|club staff|away fans"},
    {"event@sport",
     "a {#score} defeat by {club}|the {cup_name} final in {month}|the "
     "departure of {person}|a {#int}-match winless run|last season's "
     "relegation"},
    {"extra@sport",
     "{=ORG} host {club} on {=DAY} and travel to {club} on "
     "{#date}.|{person} has scored {#int} goals in {#int} games this "
     "season.|The {cup_name} final will be played at {venue} on "
     "{#date}.|{=ORG} were last champions in {#year}.|Tickets for the "
     "game sold out in {#int} minutes.|{=ORG} have not won at {venue} "
     "since {#year}."},
    {"hl@sport",
     "{=ORG} {#score} {club}: {=A.sur} {hl_sport_tail}|{=ORG} sack "
     "{=A.sur}|{person} joins {=ORG} for {#money}|{=ORG} knocked out of "
     "{cup_name}|{=ORG} clinch {cup_name}"},
    {"hl_sport_tail",
     "hails {=ORG} fightback|praises fans|admits side were poor|"
     "relieved after narrow win"},
    {"lead_t@sport",
     "{=ORG} {~did} on {=DAY}, {lead_tail}.|{person} scored twice as "
     "{=ORG} beat {club} {#score} at {venue} on {=DAY}.|{=ORG} have "
     "{~did}, the club said on {=DAY}."},

    // --- Transport.
    {"org_main@transport",
     "{org_stem} Rail|{org_stem} Airways|{org_stem} Buses|{agency}|the "
     "{town} Transport Authority|{org_stem} Ferries"},
    {"org_other@transport",
     "{agency}|{council}|the {trade_workers} union|{company}"},
    {"org_ref@transport",
     "the operator|the company|the authority|the "
     "airline"},
    {"ra@transport",
     "managing director of {=ORG}|the transport minister|{=ORG}'s chief "
     "executive|chair of {=ORG}|{=ORG}'s head of operations"},
    {"rb@transport",
     "a transport analyst at {think_tank}|a spokesperson for {passenger_group}|"
     "a professor of transport planning at {university}|general secretary "
     "of the {trade_workers} union"},
    {"passenger_group",
     "{town} Rail Users|the {org_word} Passengers' Association|the "
     "{town} Cycling Campaign|{org_word} Travel Watch"},
    {"rc@transport",
     "{witness}|a commuter from {town}|who was on the train|a regular "
     "passenger on the {town} line"},
    {"route",
     "the {town} to {town} line|the {town} bypass|the {town} ring road|"
     "the route between {town} and {city}|the {town} tram extension|the "
     "A{#int} near {town}|the {town} branch line|flights from {town} "
     "airport"},
    {"thing@transport",
     "{=ROUTE}|the new timetable|the fare rise|the {#money} upgrade of "
     "{=ROUTE}|the strike on {=ROUTE}|the {town} airport expansion"},
    {"fact@transport",
     "{#count} passengers were stranded at {town} "
     "<station|airport|port>|services on {=ROUTE} were "
     "<cancelled|suspended|cut> until {=DAY}|fares would rise by {#pct} "
     "from {month}|{=THING} would cost {=MONEY} and take "
     "{#duration}|only {#pct} of <trains|buses|flights|ferries> ran on "
     "time in {month}|the <crash|collision|derailment> closed {=ROUTE} "
     "for {#int} hours|{#int} <flights|trains|sailings> were cancelled "
     "because of {transport_cause}|{=ORG} carried {#count} passengers "
     "<last year|in {month}|in {#recent_year}>|the {trade_workers} "
     "union announced {#int} days of <strikes|walkouts|industrial "
     "action> over {labour_issue}|{#count} people <responded to|took "
     "part in> the consultation on {=ROUTE}|journey times between {town} "
     "and {town} would <fall|drop|be cut> by {#int} minutes|{=ORG} "
     "<ordered|bought|leased> {#int} new "
     "<trains|buses|aircraft|ferries> from {company}|the bridge at "
     "{town} was closed to <lorries|traffic|buses> after <cracks were "
     "found|an inspection|a collision>|{#pct} of "
     "<passengers|commuters|drivers> said {=ROUTE} was "
     "<unreliable|overcrowded|too expensive>"},
    {"transport_cause",
     "fog|a signalling fault|strike action|high winds|a power failure|"
     "staff shortages|a computer failure|snow|a broken-down train near "
     "{town}"},
    {"quote@transport",
     "passengers on {=ROUTE} have had enough of delays|we apologise to "
     "everyone whose journey was disrupted on {=DAY}|{=ROUTE} is a "
     "lifeline for people in {region}|this {#money} investment will "
     "transform travel across {region}|nobody wants a strike but our "
     "members at {=ORG} have been left with no choice|the timetable "
     "simply does not work for commuters in {=TOWN}|safety on {=ROUTE} "
     "is our absolute priority|we expect services to return to normal "
     "by {=DAY}|{#pct} of trains on time is simply not good enough"},
    {"action@transport",
     "cut fares on {=ROUTE}|reopen {=ROUTE} by {month}|add {#int} extra "
     "services a day|electrify {=ROUTE}|scrap the {town} tram extension|"
     "compensate {#count} passengers|buy {#int} electric buses|build a "
     "second runway at {town}"},
    {"did@transport",
     "cancelled {#int} services on {=ROUTE}|announced a {#pct} fare "
     "rise|said it would {~action}|apologised to "
     "passengers|<approved|signed off> {=THING}|<suspended|halted> "
     "services on {=ROUTE}"},
    {"issue@transport",
     "{=THING}|the timetable chaos|rail fares|road safety on {=ROUTE}|"
     "the funding of {=ROUTE}|the shortage of drivers"},
    {"group@transport",
     "passengers|commuters|motorists|cyclists|drivers|lorry drivers|"
     "pilots|train crews|residents along {=ROUTE}|bus users"},
    {"event@transport",
     "a derailment near {town}|weeks of disruption on {=ROUTE}|the "
     "collapse of {company}|a crash on {=ROUTE}|last year's strikes"},
    {"extra@transport",
     "{=ORG} runs {about} {#count} services a day across "
     "{region}.|Passengers <on {=ROUTE}|travelling to {town}|using "
     "{town} station> were advised to check {check_where} before they "
     "travel.|The {town} line first opened in {#year}.|A replacement "
     "bus service ran between {town} and {town}.|The work on {=ROUTE} "
     "is due to finish in {month} {recent_future}.|{=ORG} carried "
     "{#count} passengers in {month}, {up_down_pct}."},
    {"recent_future", "next year|the year after|2031|2032|2034"},
    {"hl@transport",
     "Strikes to hit {=ROUTE}|{=ORG} fares to rise by {#pct}|Chaos on "
     "{=ROUTE} after {transport_cause}|{=MONEY} plan for {=ROUTE} approved|"
     "{=ORG} cancels {#int} services"},
    {"lead_t@transport",
     "Thousands of passengers faced delays on {=DAY} after "
     "{transport_cause} on {=ROUTE}.|{=ORG} {~did} on {=DAY}, "
     "{lead_tail}.|Plans to {~action} were approved on {=DAY} by "
     "{council}."},

    // --- Education.
    {"org_main@education", "{school}|{university}|{council}|{ministry}"},
    {"school",
     "{town} Academy|{town} High School|{street_name} Primary School|St "
     "{saint}'s School|{town} Grammar School|{town} College|{town_head} "
     "Community School"},
    {"saint",
     "Mary|John|Peter|Anne|Michael|Patrick|Bede|Hilda|David|"
     "Catherine|Andrew|Joseph|Margaret|Thomas|Aidan"},
    {"org_other@education",
     "the {org_word} Teachers' Union|{council}|{agency}|{university}"},
    {"org_ref@education",
     "the school|the college|the university|the "
     "council"},
    {"ra@education",
     "head teacher of {=ORG}|principal of {=ORG}|vice-chancellor of "
     "{=ORG}|the education minister|chair of governors at {=ORG}"},
    {"rb@education",
     "general secretary of the {org_word} Teachers' Union|a professor of "
     "education at {university}|chair of the {town} Parents' Forum|a "
     "former schools inspector"},
    {"rc@education",
     "{witness}|whose {child} attends {=ORG}|a pupil at {=ORG}|a parent "
     "in {=TOWN}|a student at {=ORG}"},
    {"child",
     "son|daughter|two children|three children|grandson|"
     "granddaughter"},
    {"thing@education",
     "the new curriculum|the {#money} building programme|exam results at "
     "{=ORG}|the {=SUBJECT} course|the merger of {=ORG} and {school}|"
     "tuition fees|the inspection report"},
    {"subject",
     ""
     "mathematics|history|music|languages|computing|engineering|drama|"
     "chemistry|art|geography|nursing|philosophy|physics|design|biology|"
     "economics|classics|sociology|law|media "
     "studies|dance|Latin|German|Spanish|French|Mandarin|statistics|accounting|"
     "nursing|midwifery|social "
     "work|architecture|agriculture|veterinary "
     "science|journalism|theology|astronomy|marine science|electronics"},
    {"fact@education",
     "{#pct} of pupils at {=ORG} <achieved|gained|got> top "
     "grades|inspectors rated {=ORG} as {rating}|{#int} teaching posts "
     "were <cut|lost|axed> at {=ORG}|the number of pupils in {region} "
     "<fell|rose> by {#count}|{=ORG} would <close|shut|merge> its "
     "{=SUBJECT} department|applications to study {=SUBJECT} "
     "<fell|rose|dropped> by {#pct}|{#count} <students|parents|former "
     "pupils> signed a letter opposing {=THING}|the roof of the "
     "{school_building} was found to contain {hazard}|{=ORG} had a "
     "deficit of {=MONEY}|teachers at {=ORG} voted to strike over "
     "{labour_issue}|{#pct} of schools in {region} had unfilled "
     "vacancies|{=ORG} spent {#money} on supply teachers|fees for "
     "international students would rise to {#money} a year|{#int} "
     "pupils were <sent home|excluded|moved to other schools> <in "
     "{month}|this term>"},
    {"rating", "inadequate|requiring improvement|good|outstanding"},
    {"school_building",
     "sports hall|science block|library|main building|"
     "dining hall|music block"},
    {"hazard", "asbestos|crumbling concrete|dry rot|damaged wiring"},
    {"quote@education",
     "our {#count} pupils deserve the very best start in life|teachers "
     "at {=ORG} are exhausted and morale has never been lower|these "
     "results are a tribute to the hard work of our {year_group}|we "
     "cannot keep doing more with {#pct} less|{=THING} will narrow "
     "choices for young people in {=TOWN}|every child in {=TOWN} should "
     "have access to {=SUBJECT}|we were given {#int} days' notice|the "
     "inspectors saw a school that has improved fast since "
     "{#recent_year}|{=SUBJECT} teachers are impossible to find in "
     "{region}"},
    {"action@education",
     "close {=ORG} by {month}|merge with {school}|hire {#int} new "
     "teachers|scrap {=THING}|offer free meals to {#count} pupils|rebuild "
     "the {school_building}|cut {#int} courses|freeze tuition fees for "
     "{#duration}"},
    {"did@education",
     "was rated {rating} by inspectors|announced plans to "
     "{~action}|said it would {~action}|cut {#int} courses|apologised "
     "to parents[ after {~event}]|published its exam results"},
    {"issue@education",
     "{=THING}|teacher shortages|the school funding formula|exam grades|"
     "the closure plan|university finances"},
    {"group@education",
     "pupils|parents|teachers|students|governors|support staff|"
     "lecturers|head teachers|school leavers"},
    {"event@education",
     "a damning inspection in {month}|the discovery of {hazard}|last "
     "year's exam grading row|a strike by lecturers"},
    {"extra@education",
     "{=ORG} has {about} {#count} pupils aged {#int} to {#int}.|The "
     "inspection report will be published on {#date}.|{=ORG} was last "
     "inspected in {#recent_year}, when it was rated {rating}.|Parents "
     "were told of the {move_noun} in a letter on {=DAY}.|{=ORG} will "
     "hold a meeting for parents on {#date} at {#clock}."},
    {"hl@education",
     "{=ORG} rated {rating} by inspectors|Teachers at {=ORG} to "
     "strike|{subject_cap} course axed at {=ORG}|{=ORG} to close|Parents "
     "angry over {=ORG} plan"},
    {"subject_cap", "^{=SUBJECT}"},
    {"lead_t@education",
     "{=ORG} {~did} on {=DAY}, {lead_tail}.|Parents at {=ORG} in {=TOWN} "
     "have been told that {~fact}.|Inspectors have rated {=ORG} "
     "{rating}, saying {~fact}."},

    // --- Culture.
    {"org_main@culture",
     "the {town} Museum|the {org_word} Gallery|the {town} Festival|the "
     "{org_word} Theatre|the {town} Symphony Orchestra|{org_word} "
     "Records|the {town} Library"},
    {"org_other@culture",
     "{council}|the {org_word} Arts Council|{company}|{university}"},
    {"org_ref@culture", "the museum|the festival|the venue|the organisers"},
    {"ra@culture",
     "director of {=ORG}|artistic director of {=ORG}|{=ORG}'s curator|"
     "chair of {=ORG}|the culture minister"},
    {"rb@culture",
     "an art historian at {university}|a critic for {outlet}|a "
     "spokesperson for the {org_word} Arts Council|a {art_role}"},
    {"art_role",
     "novelist|composer|painter|sculptor|playwright|film director|"
     "photographer|poet|singer|choreographer"},
    {"rc@culture",
     "{witness}|a regular visitor to {=ORG}|who queued for {#int} hours|"
     "a {art_role} from {town}"},
    {"artwork",
     "{artwork_base}|{art_period} {artwork_base}|{art_period} "
     "{artwork_base}"},
    {"artwork_base",
     ""
     "painting|manuscript|sculpture|tapestry|portrait|map|letter|score|"
     "photograph|statue|diary|altarpiece|fresco|woodcut|etching|mosaic|bust|"
     "chalice|globe|sketchbook|quilt|carving|stained "
     "glass window|chess set|clock"},
    {"art_period",
     ""
     "medieval|Victorian|Renaissance|Georgian|Baroque|Tudor|Roman|Viking|"
     "Flemish|Impressionist|18th-century|15th-century|Edwardian|Saxon|Art "
     "Deco|Byzantine|Venetian|Ottoman|Moorish|Celtic"},
    {"thing@culture",
     "the {#year} {=ARTWORK} by {person}|the exhibition of {person}'s "
     "work|the {#money} redevelopment|this year's festival|the new "
     "production of {work_title}|the {=ARTWORK} collection"},
    {"work_title",
     "The {title_noun} of {town}|{title_noun} at Dusk|The {title_adj} "
     "{title_noun}|A {title_noun} in {month}|{first_f}'s {title_noun}"},
    {"title_noun",
     "Garden|Harbour|Winter|Letters|Orchard|Lighthouse|River|Glass|"
     "Station|Silence|Crossing|Archive|Tide|Bridge|Weaver"},
    {"title_adj",
     "Silent|Last|Burning|Quiet|Hidden|Long|Golden|Broken|"
     "Distant|Little"},
    {"fact@culture",
     "the {=ARTWORK} sold for {#money} at auction in {city}|{#count} "
     "people visited {=ORG} <last year|in {month}|in "
     "{#recent_year}>|{=ORG} would close for {#duration} for "
     "<repairs|refurbishment|building work>|the {=ARTWORK} had been "
     "missing since {#year}|tickets for {=THING} sold out within {#int} "
     "hours|{=ORG}'s funding was cut by {#pct}|the {=ARTWORK} was "
     "<discovered|found|rediscovered> in <an attic|a barn|a cellar|a "
     "junk shop> in {town}|{person} won the {org_word} Prize for "
     "{art_form}|the festival featured {#int} <acts|artists|bands> on "
     "{#int} stages|{=ORG} had bought the {=ARTWORK} for {#money} in "
     "{#year}|{#int} {=ARTWORK}s were <loaned|borrowed> from collections "
     "in {city} and {city}|the building had been listed since "
     "{#year}|restorers spent {#duration} "
     "<cleaning|repairing|restoring> the {=ARTWORK}|{#count} "
     "<people|visitors|fans> <queued|waited> outside {=ORG} {on_day}"},
    {"art_form",
     "fiction|poetry|painting|photography|drama|music|"
     "sculpture|non-fiction|illustration"},
    {"quote@culture",
     "this is one of the most important discoveries in {=TOWN} for a "
     "generation|we want everyone in {=TOWN} to feel that {=ORG} "
     "belongs to them|the {=ARTWORK} tells us something new about "
     "{#decade} life|art should not be a luxury in {region}|the "
     "response from {~group} has been overwhelming|without {#money} of "
     "public funding this festival would not exist|I never imagined my "
     "work would hang in {=ORG}|it is a story about {theme}|{#count} "
     "people came through the doors in the first week"},
    {"theme",
     "family and loss|a town that has lost its industry|migration|"
     "first love|growing old|the sea|war and memory|friendship"},
    {"action@culture",
     "return the {=ARTWORK} to {country}|extend the exhibition until "
     "{month}|raise {#money} to keep the {=ARTWORK} in {=TOWN}|cut ticket "
     "prices|close on {weekday}s|move the festival to {town}|open a "
     "new wing in {month}"},
    {"did@culture",
     "unveiled {=THING}|bought the {=ARTWORK} for {#money}|announced "
     "plans to {~action}|said it would {~action}|<cancelled|postponed> "
     "{=THING}"},
    {"issue@culture",
     "{=THING}|arts funding|the future of {=ORG}|the sale of the "
     "{=ARTWORK}|ticket prices"},
    {"group@culture",
     "visitors|artists|musicians|audiences|volunteers|collectors|"
     "historians|local artists|readers"},
    {"event@culture",
     "a fire at {=ORG} in {#recent_year}|cuts to arts funding|the "
     "discovery of the {=ARTWORK}|last year's record attendance"},
    {"extra@culture",
     "The exhibition runs until {#date}.|{=ORG} opened in {#year} and "
     "holds {about} {#count} works.|Entry is free for "
     "under-{#int}s.|The {=ARTWORK} will go on display in "
     "{month}.|{person}, who died in {#year}, was born in "
     "{town}.|Tickets cost {#price}[ and go on sale on {#date}]."},
    {"hl@culture",
     "Lost {=ARTWORK} found in {town} attic|{=ORG} to close for repairs|"
     "{=ARTWORK} sells for {#money}|{=ORG} funding cut by {#pct}|Record "
     "crowds at {=ORG}"},
    {"lead_t@culture",
     "{=ORG} {~did} on {=DAY}, {lead_tail}.|A {=ARTWORK} by {person} that "
     "had been missing since {#year} has been found in {town}, "
     "{=ORG} said on {=DAY}.|A {=ARTWORK} by {person} sold for {#money} on "
     "{=DAY}, "
     "{lead_tail}."},

    // --- Small variation lists used by the topic quotes and extras.
    {"strong_future",
     "strong future|bright future|future|long-term future|role to "
     "play|future in {=TOWN}"},
    {"difficult", "difficult|tough|painful|challenging|hard|testing|strange"},
    {"better_worse",
     "better|worse|stronger|weaker|busier|quieter|more volatile"},
    {"being_treated",
     "this|being treated like this|a letter on a Friday "
     "afternoon|{#int} days' notice|rumours and leaks"},
    {"solid_result",
     "solid result|decent result|disappointing result|record|real "
     "achievement|poor showing"},
    {"at_peak",
     "once|at its peak|in the {#decade}|until {#recent_year}|at one "
     "point"},
    {"cut_raised", "cut|raised|lowered|lifted|trimmed|increased"},
    {"results_kind",
     "full-year results|half-year results|a trading "
     "update|{ordinal_word_2}-quarter figures|annual results"},
    {"small_adj", "small|family-run|modest|struggling|two-man|tiny"},
    {"about",
     "about|around|roughly|nearly|almost|more than|close to|just "
     "over|just under|some"},
    {"up_down", "downside|upside|downside in {region}|downside for {~group}"},
    {"too_early",
     "too early|far too early|premature|not yet possible|much too soon"},
    {"rate_move",
     "rate cut|rate rise|cut in {month}|rise in {month}|{#points} "
     "cut|pause"},
    {"meeting_kind",
     "policy meeting|rate decision|forecast update|budget "
     "statement|committee meeting"},
    {"volatile_items",
     "food and energy|volatile food and fuel prices|energy, food, "
     "alcohol and tobacco|fresh food and fuel"},
    {"bond_kind",
     "Government bond|Ten-year bond|Two-year bond|Thirty-year "
     "bond|Short-term bond"},
    {"above_below", "above|below|higher than|lower than"},
    {"pol_promise",
     "act|change course|deliver|think again|publish the figures|hold a "
     "vote in {month}"},
    {"done_state",
     "law|scrapped|fixed|through parliament|properly funded|on the "
     "statute book"},
    {"they_deserve",
     "they deserve an answer|they will not be ignored|we will hear "
     "them|that cannot be ignored"},
    {"returns", "returns|will return|is due back|goes back"},
    {"catastrophic",
     "catastrophic|desperate|deteriorating by the hour|worse than at "
     "any time since {#year}|unbearable"},
    {"war_thing",
     "war|more sanctions|empty promises|threats|another winter of "
     "fighting"},
    {"denial_thing",
     "targeting civilians|any role in the attack on {town}|moving "
     "troops towards {region}|blocking aid to {town}|the claims made by "
     "{=ORG2}"},
    {"claim_kind",
     "claims|reports|casualty figures|accounts from {town}|figures from "
     "{=ORG2}"},
    {"rel_state",
     "had no diplomatic relations|disputed the border|been close "
     "allies|fought {#int} wars|traded accusations"},
    {"industry",
     "every industry|banking|retail|health care|farming|the car "
     "industry|education|publishing"},
    {"sensitive_data",
     "customer data|payment data|personal information|password "
     "data|location data"},
    {"genuinely", "genuinely|completely|pleasantly|frankly|all|really"},
    {"result_word", "results|finding|measurements|images|data|discovery"},
    {"peer_state",
     "have not yet been reviewed by other scientists|were reviewed by "
     "{#int} independent experts|appear in {journal} this week|were "
     "presented at a conference in {city}|have been questioned by "
     "researchers at {university}"},
    {"staff_kind",
     "nurses|doctors|midwives|paramedics|GPs|radiographers|care workers"},
    {"wider", "wider|general|local|wider|travelling"},
    {"take_what",
     "take anything|save the car|move the furniture|grab our "
     "passports|get the animals out"},
    {"conditions",
     "very difficult conditions|appalling conditions|{#int} mph "
     "winds|freezing temperatures|thick smoke"},
    {"lost_what",
     "everything|the whole harvest|{#int} sheep|our shop|the ground "
     "floor|our car"},
    {"boil_advice",
     "boil water before drinking it|stay indoors|avoid the "
     "seafront|keep windows closed|move valuables upstairs"},
    {"about_cap", "About|Around|Roughly|Nearly|More than|Some"},
    {"next_step",
     "an appeal|our options|all our options|a further challenge|taking "
     "the case to {court}"},
    {"later_when", "at a later hearing|in {month}|next {period}|on {#date}"},
    {"legal_costs",
     "legal costs|claims|compensation|the fine|possible damages"},
    {"victim_family",
     "the family|the victim's family|her family|his family|everyone "
     "affected|the whole community"},
    {"family_state",
     "have been informed|are being supported by specialist "
     "officers|paid tribute to a loving {relative}|asked for privacy"},
    {"also_arrested",
     "man was also arrested|woman was also arrested|man was later "
     "released without charge|woman was questioned and released"},
    {"players_word", "boys|girls|players|lads|squad|team"},
    {"magnificent", "magnificent|incredible|brilliant|outstanding|loud|superb"},
    {"check_where",
     "with {=ORG}|online|the {=ORG} website|local radio|the app"},
    {"up_down_pct",
     "up {#pct} on a year earlier|down {#pct} on a year earlier|a "
     "record for the month|the lowest since {#year}"},
    {"year_group", "students|pupils|year 11s|sixth formers|staff and students"},
    {"victim_family_cap", "^{victim_family}"},
};

// Topics: rules named "name@topic" specialise {~name} for the topic.
constexpr std::string_view kTopics[] = {
    "politics", "diplomacy", "economy",   "business", "technology",
    "science",  "health",    "weather",   "courts",   "crime",
    "sport",    "transport", "education", "culture"};

// Rules every topic must define as "name@topic".
constexpr std::string_view kRequiredRules[] = {
    "hl",    "ra",     "rb",       "rc",        "lead_t", "fact",
    "quote", "action", "did",      "issue",     "group",  "event",
    "thing", "extra",  "org_main", "org_other", "org_ref"};

// Values bound once per story, in this order ({=NAME}).
struct BindingText {
  std::string_view name;
  std::string_view value;  // one template
};
constexpr BindingText kBindings[] = {
    {"TOWN", "{town}"},           {"COUNTRY", "{country}"},
    {"DAY", "{weekday}"},         {"MONEY", "{#money}"},
    {"ORG", "{~org_main}"},       {"ORG2", "{~org_other}"},
    {"REF", "{~org_ref}"},        {"GROUP", "{~group}"},
    {"GROUP_CAP", "^{=GROUP}"},   {"PRODUCT", "{product}"},
    {"POLICY", "{policy_area}"},  {"TECH", "{tech_area}"},
    {"SCITOPIC", "{sci_topic}"},  {"CREATURE", "{creature}"},
    {"CONDITION", "{condition}"}, {"HAZARD", "{weather_hazard}"},
    {"LEGAL", "{legal_subject}"}, {"OFFENCE", "{offence}"},
    {"ROUTE", "{route}"},         {"SUBJECT", "{subject}"},
    {"ARTWORK", "{artwork}"},     {"THING", "{~thing}"},
    {"THING_CAP", "^{=THING}"},
};

// Phrase variations: wherever a literal of the grammar contains one of a
// group's phrases (lower case, whole words), generation picks any phrase of
// the group instead. This varies the fixed wording of frames, so that
// stories using the same frame rarely share its longer word sequences.
// Every phrase of a group must read correctly wherever any of them is used.
constexpr std::string_view kVariations[] = {
    "was expected to last|was likely to last|could last|was set to run for",
    "the jury took|jurors took|the jury needed|jurors spent",
    "to reach a unanimous verdict|to reach its verdict|before returning a "
    "verdict|to agree a verdict",
    "adjourned the case until|adjourned the hearing until|postponed the "
    "case until|put the case back to",
    "the court heard that|the court was told that|jurors heard that|the "
    "hearing was told that",
    "ordered to pay costs of|told to pay costs of|ordered to pay legal "
    "costs of",
    "the ruling could open the way for|the judgment could pave the way for|"
    "the decision could lead to|the ruling could trigger",
    "released on bail until|bailed until|released on police bail until|"
    "released under investigation until",
    "arrested on suspicion of|held on suspicion of|detained on suspicion of",
    "was taken to hospital with|was treated in hospital for|was airlifted "
    "to hospital with|suffered",
    "a cordon remained in place around|police tape remained around|officers "
    "kept a cordon around|a cordon was still in place around",
    "officers were called to|police were called to|emergency services were "
    "called to|police were alerted to an incident in",
    "detectives were studying|detectives were examining|officers were "
    "reviewing|police were checking",
    "was found burnt out in|was later found burnt out in|was found "
    "abandoned in|was recovered in",
    "a post-mortem examination was due to take place|a post-mortem was "
    "expected to be carried out|a post-mortem examination will be held",
    "will appear before|is due to appear before|will appear at|was "
    "remanded to appear before",
    "passengers were stranded at|passengers were stuck at|travellers were "
    "left stranded at|commuters were stranded at",
    "were cancelled because of|were cancelled due to|were called off "
    "because of|were scrapped because of",
    "journey times between|travel times between|journeys between",
    "would be cut by|would fall by|would drop by|would be reduced by",
    "fares would rise by|ticket prices would go up by|fares would go up "
    "by|fares were set to rise by",
    "ran on time|arrived on time|were punctual|ran to time",
    "would cost|was expected to cost|could cost|was forecast to cost",
    "had been missing since|had not been seen since|had disappeared in|"
    "was last recorded in",
    "sold out within|sold out in|were snapped up within|went within",
    "funding was cut by|grant was cut by|budget was reduced by|funding "
    "fell by",
    "had been listed since|had been protected since|has been listed since",
    "restorers spent|conservators spent|a team spent|experts spent",
    "the festival featured|this year's festival featured|the festival "
    "included|the line-up featured",
    "fees for international students|fees for overseas students|tuition "
    "fees for international students|charges for overseas students",
    "had unfilled vacancies|had unfilled posts|were short of staff|had "
    "teaching vacancies",
    "teaching posts were cut|teaching jobs were cut|teaching posts were "
    "axed|teaching roles went",
    "applications to study|applications for|demand for places to study",
    "was found to contain|was found to have|turned out to contain|was "
    "discovered to contain",
    "signed a letter opposing|signed an open letter against|put their "
    "names to a letter opposing|wrote to oppose",
    "the number of pupils|pupil numbers|the number of children|school "
    "rolls",
    "patients waited more than|patients waited over|people waited longer "
    "than|patients spent more than",
    "had been vaccinated against|had received a vaccine against|had been "
    "immunised against|had been jabbed against",
    "the ward was closed to|the ward was shut to|the unit was closed to|"
    "the ward stopped admitting",
    "missed its target for|fell short of its target for|missed the goal "
    "for|failed to meet its target for",
    "the study followed|the research tracked|the study tracked|"
    "researchers followed",
    "the waiting list|the queue for treatment|the backlog",
    "millimetres of rain fell|millimetres of rain were recorded|"
    "millimetres of rain came down",
    "were left without|lost|had no|were cut off from",
    "miles per hour were recorded at|mph were measured at|mph hit",
    "left reservoirs at|has left reservoirs at|means reservoirs are at|"
    "pushed reservoir levels down to",
    "the two sides agreed to|both sides agreed to|negotiators agreed to|"
    "the parties agreed to",
    "crossed the border|entered the territory|passed through the "
    "crossing|reached the border",
    "killed at least|killed no fewer than|killed more than",
    "ended without agreement|broke up without agreement|ended in "
    "deadlock|ended without a deal",
    "spoke by phone for|held a call lasting|talked by telephone for",
    "was sent off for|was shown a red card for|saw red for|was dismissed "
    "for",
    "were knocked out of|were eliminated from|crashed out of|went out of",
    "the match was delayed by|kick-off was delayed by|the game was held "
    "up for|play was suspended for",
    "the club was fined|the club were fined|the club was ordered to pay|"
    "the club received a fine of",
    "the researchers used|the team used|scientists needed|the analysis "
    "took",
    "samples were taken|samples were collected|cores were drilled|"
    "measurements were made",
    "could help explain|may help to explain|might explain|sheds light on",
    "its growth forecast|its forecast for growth|its economic forecast|"
    "its growth estimate",
    "the government borrowed|public borrowing reached|the state borrowed|"
    "the Treasury borrowed",
    "revised its estimate of|revised its figure for|updated its estimate "
    "of|changed its estimate of",
    "were cutting back on|were spending less on|had cut back on|planned "
    "to cut spending on",
    "voted to strike over|voted for strike action over|backed walkouts "
    "over|voted for industrial action over",
    "to strike over|to walk out over|to take action over",
    "the coalition agreed to|coalition partners agreed to|the governing "
    "parties agreed to|ministers agreed to",
    "a petition calling for|a petition demanding|an online petition "
    "calling for|a petition urging",
    "faced questions over|faced scrutiny over|was questioned about|came "
    "under fire over",
    "walked out of|boycotted|stormed out of|staged a walkout from",
    "voted against|opposed|rebelled against|refused to back",
    "put support for|put backing for|showed support for|had support for",
    "go on sale|become available|hit the shops|be released",
    "remained in place|stayed in place|were still in force|remained in "
    "force",
    "ordered to pay|told to pay|required to pay|ordered to hand over",
    "agreed to pay|offered to pay|has agreed to pay|will pay",
    "pointed out that|noted that|stressed that|observed that",
    "change of course|rethink|reversal|shift in policy",
    "concerns raised by|worries voiced by|objections from|questions "
    "raised by",
    "told reporters in|told journalists in|said at a press conference in|"
    "spoke to reporters in",
    "a local newspaper|the local paper|a regional newspaper|a local news "
    "website",
    "on social media|online|on X|on Facebook|in a social media post",
    "documents seen by|papers obtained by|files seen by|records obtained "
    "by",
    "people familiar with the matter|people with knowledge of the matter|"
    "sources familiar with the plans|insiders",
    "took up the post|took the job|took office|was appointed",
    "previously worked at|used to work at|spent years at|was formerly at",
    "was first elected|entered politics|won a seat|was elected",
    "has faced calls to step down|has faced calls to resign|is under "
    "pressure to quit|has been urged to go",
    "is expected to stand down|is expected to step down|plans to retire|"
    "is due to leave",
    "grew up in|was raised in|comes from|was born in",
    "who lives near|who lives close to|living near|whose home is near",
    "who runs a|who owns a|who manages a|who set up a",
    "the whole community|the entire town|local people|all of us here",
    "people like me|people like us|families like mine|ordinary people",
    "not one person here|nobody I know|not a single person here|none of "
    "my neighbours",
    "my team|my colleagues|our staff|the people I work with",
    "none of us|nobody here|not one of us|few of us",
    "a sign of growing|a sign of mounting|evidence of growing|a mark of "
    "rising",
    "more to come|more likely|others to follow",
    "more expected|further rises expected|more to follow",
    "the coast near|coastal areas around|the shoreline near|the coast "
    "around",
    "a year earlier|a year before|in the same period last year|12 months "
    "earlier",
    "over the past|over the last|during the past|in the past",
    "it was not immediately clear|it was not clear|it was unclear",
    "did not respond to|did not reply to|did not answer|ignored",
    "a spokesperson for|a representative of|an official at",
    "in a statement|in a written statement|in a brief statement|in a "
    "press release",
    "is expected to|is likely to|is set to|is due to",
    "was expected to|was likely to|was set to|was due to",
    "people visited|visitors came to|people went to|people passed through",
    "the drug costs|treatment costs|the medicine costs|each course costs",
    "treatment for use|drug for use|therapy for use|medicine for use",
    "the trust spent|the hospital trust spent|the health trust paid out|"
    "managers spent",
    "over the age of|aged over|older than",
    "inspectors rated|inspectors judged|an inspection rated|inspectors "
    "graded",
    "was last inspected in|was last visited by inspectors in|had its last "
    "inspection in",
    "hold a meeting for parents|hold a parents' meeting|meet parents|host "
    "a meeting for families",
    "people responded to|people took part in|residents replied to|people "
    "commented on",
    "the emergency department|A&E|the casualty department",
    "risk of flooding|risk of floods|risk from flooding",
    "foreign ministers from|envoys from|diplomats from|ministers from",
    "are due to meet|will meet|are scheduled to meet|are expected to meet",
    "the united nations says|the UN estimates|the United Nations "
    "estimates|UN figures suggest",
    "need food aid|rely on food aid|depend on aid|need emergency food",
    "seats to win a majority|seats for a majority|seats to govern alone",
    "since the election|since the last election|since the vote",
    "heard evidence from|took evidence from|questioned|heard from",
    "reported revenue of|had sales of|posted revenue of|turned over",
    "has been under scrutiny since|has faced scrutiny since|has been "
    "under investigation since",
    "tried to work with|sought to work with|offered to work with",
    "an urgent review|an immediate review|a full review|an independent "
    "review",
    "paid the price for|suffered because of|borne the cost of|lost out "
    "because of",
    "the figures show that|the data show that|the numbers make clear "
    "that|the evidence shows that",
    "let us hope|I only hope|hopefully",
    "from day one|from the start|from the beginning|all along",
    "as soon as possible|without delay|as quickly as we can|immediately",
    "nowhere to go|no alternative|no other options|no way out",
    "source of tension between|point of friction between|cause of "
    "friction between|bone of contention between",
    "took part in|joined|participated in|was involved in",
    "more slowly than|less quickly than|more gradually than",
    "during raids in|in raids across|in a series of raids in|during "
    "searches in",
    "who trained as|who qualified as|who started out as|who began "
    "working as",
    "who worked in|who spent years in|who was based in|who lived in",
    "teaching posts were|teaching jobs were|teacher posts were|posts "
    "for teachers were",
    "workers union announced|workers' union called|union announced|union "
    "set",
    "claimants were seeking|claimants sought|claimants wanted|families "
    "were claiming",
    "the border crossing at|the crossing point at|the frontier post at|the "
    "checkpoint at",
    "cctv footage from|camera footage from|security footage from|doorbell "
    "camera footage from",
    "the victim, aged|the victim, who was|the injured person, aged",
    "millimetres of rain fell in|millimetres of rain fell within|mm of "
    "rain fell in",
    "make no apology for that|stand by that|will not apologise for that",
    "people know that|everyone knows that|voters know that",
    "whatever people say|whatever the critics say|despite what some say|"
    "like it or not",
    "but it will take time|but this will not happen overnight|but "
    "there is no quick fix|though it will take time",
    "and that is what matters|and that is the point|and that matters "
    "most|which is what counts",
    "everyone here|all of us|every one of us|the people here",
    "told local radio|said on local radio|told a local radio station",
    "told state television|said on state television|told the state "
    "broadcaster",
    "anyone with information is asked to call|witnesses are asked to "
    "contact|anyone who saw anything should call|information can be "
    "passed to",
    "were advised to check|were told to check|should check|were urged "
    "to check",
    "vowed to fight on|promised to fight on|pledged to keep going|said "
    "they would not give up",
    "braced for further disruption|prepared for more disruption|feared "
    "further disruption|expected more disruption",
    "waited for details|waited for more details|wanted more detail|asked "
    "for details",
    "voiced their anger|vented their anger|expressed anger|spoke of "
    "their anger",
    "counted the cost|tallied the damage|assessed the damage|faced the "
    "bill",
    "threatened legal action|threatened to sue|considered legal action|"
    "consulted lawyers",
    "took to the streets of|marched through|protested in|rallied in",
    "keep its promises|keep its word|honour its promises|stick to its "
    "word",
    "held to account|made to answer|called to account|made to explain "
    "itself",
    "have heard nothing from|have had no reply from|are still waiting "
    "to hear from|have had silence from",
    "have done everything we were asked|did everything asked of us|"
    "followed every rule|have played by the rules",
    "the nearest known population|the closest known population|any "
    "known colony|the nearest recorded site",
    "the nearest recorded population|the closest recorded population|"
    "the nearest other population",
    "samples are stored at|samples are kept at|the material is held at|"
    "specimens are stored at",
    "the findings|the results|the conclusions|the data",
    "is quite simply|is frankly|is plainly|is undeniably",
    "nothing short of|little short of|no less than|close to",
    "do the right thing|do what is right|act responsibly|put things "
    "right",
    "simply not true|plainly wrong|just not the case|nonsense",
    "nobody should forget that|we should remember that|it is worth "
    "remembering that|let us not forget that",
    "what people do not realise is that|what people forget is that|what "
    "nobody mentions is that|the part people miss is that",
    "it is now clear that|it is obvious now that|we now know that|it is "
    "plain that",
    "the day's|today's",
};

// ---------------------------------------------------------------------------
// The story grammar engine.
//
// kGrammar is compiled once into flat arrays (8-byte nodes, so that the
// whole grammar stays in cache). Template syntax, inside one alternative:
//   {rule}      expand a rule (one alternative drawn uniformly)
//   {~rule}     expand "rule@<topic>" for the story's topic, or "rule" when
//               the topic does not define it
//   {=X}        a story binding: X is a person (A, B, C) with an optional
//               field, {=A.sur}, or a value bound at the start of the story
//               ({=ORG}, {=TOWN}, ...; see kBindings)
//   {#kind}     a number (see NumberKind)
//   <a|b|c>     an inline choice (may nest and hold any syntax)
//   [ ... ]     optional, taken with probability 1/2 (may nest)
//   ^           capitalise the next letter emitted
// Literal text is further varied by kVariations. Frames of the rules listed
// in kNoRepeatPrefixes are not reused within a story while others remain.
// Text is tidied as it is emitted (only the joins between pieces need it):
// one space between words, none before , . ; : ? ! ) or after (, no doubled
// comma or period, "a" becomes "an" before a vowel sound; Finish()
// capitalises the first letter and ends the sentence. A sentence outside
// 8-40 words is drawn again, and one under kShortSentenceWords is kept only
// with probability kKeepShortSentence, so that sentences average about 19
// words as in news prose. Every draw comes from the story's Rng, one draw
// per statement, so the text is the same with any compiler.

enum class NodeKind : uint8_t {
  kText,
  kRule,
  kTopicRule,
  kBinding,
  kPerson,
  kNumber,
  kOptional,  // `skip` = number of nodes in the optional block
  kCapital,
};

enum class PersonField : uint8_t {
  kMention,  // full name on first mention, then the short form
  kFull,
  kSurname,
  kShort,  // "Ms. Surname" or "Surname" (the story's style)
  kIntro,  // "Full Name, role," on first mention, then the short form
  kRole,
  kHe,
  kCapHe,
  kHis,
  kCapHis,
  kHim,
};

constexpr std::pair<std::string_view, PersonField> kPersonFields[] = {
    {"", PersonField::kMention},    {"full", PersonField::kFull},
    {"sur", PersonField::kSurname}, {"short", PersonField::kShort},
    {"intro", PersonField::kIntro}, {"role", PersonField::kRole},
    {"he", PersonField::kHe},       {"He", PersonField::kCapHe},
    {"his", PersonField::kHis},     {"His", PersonField::kCapHis},
    {"him", PersonField::kHim},
};

enum class NumberKind : uint8_t {
  kPct,          // 3.4% or 12%
  kPctSmall,     // 0.1% .. 4.9%
  kMoney,        // $4.8 billion, £120m, €35 million, $850,000
  kCount,        // 120 .. 98,000 (grouped)
  kInt,          // 2 .. 99
  kYear,         // 1948 .. 2023
  kRecentYear,   // 2009 .. 2023
  kAge,          // 17 .. 91
  kDate,         // March 14
  kClock,        // 10:45 a.m., 18:30 GMT
  kOrdinal,      // 14th
  kScore,        // 3-1
  kDecade,       // 1970s
  kDistance,     // 45 km, 120 miles
  kTemperature,  // 38C
  kRainfall,     // 180 millimetres
  kPrice,        // 348 pence, $12.45
  kVotes,        // 312 votes to 287
  kDuration,     // 18 months
  kMinute,       // 1 .. 90
  kPoints,       // 0.25 percentage points
  kSmall,        // 2 .. 9
  kCash,         // £450, $12,500, €86,000
};

constexpr std::pair<std::string_view, NumberKind> kNumberKinds[] = {
    {"pct", NumberKind::kPct},
    {"pct_small", NumberKind::kPctSmall},
    {"money", NumberKind::kMoney},
    {"count", NumberKind::kCount},
    {"int", NumberKind::kInt},
    {"year", NumberKind::kYear},
    {"recent_year", NumberKind::kRecentYear},
    {"age", NumberKind::kAge},
    {"date", NumberKind::kDate},
    {"clock", NumberKind::kClock},
    {"ordinal", NumberKind::kOrdinal},
    {"score", NumberKind::kScore},
    {"decade", NumberKind::kDecade},
    {"distance", NumberKind::kDistance},
    {"temperature", NumberKind::kTemperature},
    {"rainfall", NumberKind::kRainfall},
    {"price", NumberKind::kPrice},
    {"votes", NumberKind::kVotes},
    {"duration", NumberKind::kDuration},
    {"minute", NumberKind::kMinute},
    {"points", NumberKind::kPoints},
    {"small", NumberKind::kSmall},
    {"cash", NumberKind::kCash},
};

constexpr int kNumPersons = 3;  // A, B, C

// 8 bytes: the grammar's nodes stay cache resident.
struct Node {
  NodeKind kind;
  uint8_t field = 0;    // PersonField or NumberKind; kRule: no_repeat
  uint16_t length = 0;  // kText: bytes in Grammar::text_; kRule: count
  uint32_t index = 0;   // topic rule, binding or person; skip count;
                        // kText: offset in Grammar::text_; kRule: first
                        // alternative (rule id until compiling ends)
};

struct Alternative {
  uint32_t first = 0, count = 0;  // into Grammar::nodes
};

struct CompiledRule {
  uint32_t first = 0, count = 0;  // into Grammar::alternatives
  bool no_repeat = false;         // avoid reusing an alternative within a story
};

// Rules whose alternatives are whole frames: a story avoids using one
// twice.
constexpr std::string_view kNoRepeatPrefixes[] = {
    "fact@",     "quote@",     "extra@",        "lead_t@",
    "gen_quote", "background", "context",       "reaction",
    "compound",  "attributed", "quote_sentence"};

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

class Grammar {
 public:
  static const Grammar& Get() {
    static const Grammar* const g = new Grammar();
    return *g;
  }

  const std::string& error() const { return error_; }
  size_t topics() const { return std::size(kTopics); }
  std::string_view topic_name(size_t t) const { return kTopics[t]; }
  const CompiledRule& rule(uint32_t id) const { return rules_[id]; }
  const Alternative& alternative(uint32_t i) const { return alternatives_[i]; }
  const Node& node(uint32_t i) const { return nodes_[i]; }
  std::string_view text(const Node& n) const {
    return std::string_view(text_.data() + n.index, n.length);
  }
  /// Rule id of topic rule `t` for topic `topic`; kMissing when undefined.
  uint32_t topic_rule(uint32_t t, size_t topic) const {
    return topic_rules_[t * topics() + topic];
  }
  uint32_t RuleId(std::string_view name) const {
    auto it = rule_ids_.find(name);
    return it == rule_ids_.end() ? kMissing : it->second;
  }
  size_t bindings() const { return std::size(kBindings); }
  /// The compiled template of binding `b` (one alternative).
  const Alternative& binding(size_t b) const { return binding_templates_[b]; }

  static constexpr uint32_t kMissing = 0xFFFFFFFF;

 private:
  Grammar() {
    // Pass 1: rule names.
    for (const RuleText& r : kGrammar) {
      if (!rule_ids_.emplace(r.name, static_cast<uint32_t>(rules_.size()))
               .second) {
        Fail(absl::StrCat("rule defined twice: ", AV(r.name)));
      }
      rules_.emplace_back();
    }
    // Phrase variations (kVariations): members of two or more words are
    // matched in literals, indexed by their first word.
    for (size_t v = 0; v < std::size(kVariations); ++v) {
      std::string_view group = kVariations[v];
      size_t start = 0;
      while (start <= group.size()) {
        size_t bar = group.find('|', start);
        if (bar == std::string_view::npos) bar = group.size();
        std::string_view member = group.substr(start, bar - start);
        const size_t space = member.find(' ');
        if (space != std::string_view::npos) {
          variation_index_[member.substr(0, space)].push_back(
              {member, static_cast<uint32_t>(v)});
        }
        start = bar + 1;
      }
    }
    for (auto& [word, members] : variation_index_) {
      std::stable_sort(members.begin(), members.end(),
                       [](const VariationMember& a, const VariationMember& b) {
                         return a.phrase.size() > b.phrase.size();
                       });
    }
    variation_rules_.assign(std::size(kVariations), kMissing);
    // Pass 2: templates.
    for (size_t i = 0; i < std::size(kGrammar); ++i) {
      bool no_repeat = false;
      for (std::string_view prefix : kNoRepeatPrefixes) {
        no_repeat = no_repeat || kGrammar[i].name.rfind(prefix, 0) == 0;
      }
      CompileRule(static_cast<uint32_t>(i), kGrammar[i].alternatives,
                  kGrammar[i].name, no_repeat);
    }
    for (const BindingText& b : kBindings) {
      binding_templates_.push_back(Compile(b.value, b.name));
    }
    // Rule nodes carry their rule's alternatives (one memory access less
    // per expansion): index = first, length = count, field = no_repeat.
    for (Node& n : nodes_) {
      if (n.kind != NodeKind::kRule) continue;
      const CompiledRule& r = rules_[n.index];
      if (r.count > 0xFFFF) Fail("rule with more than 65535 alternatives");
      n.index = r.first;
      n.length = static_cast<uint16_t>(r.count);
      n.field = r.no_repeat ? 1 : 0;
    }
    for (std::string_view name : kRequiredRules) {
      for (size_t t = 0; t < topics(); ++t) {
        if (RuleId(absl::StrCat(AV(name), "@", AV(kTopics[t]))) == kMissing) {
          Fail(
              absl::StrCat("topic ", AV(kTopics[t]), " lacks rule ", AV(name)));
        }
      }
    }
  }

  // Compiles `alts` (alternatives separated by '|' outside <...>) as rule
  // `id`. Inline choices <a|b> become anonymous rules appended to rules_.
  void CompileRule(uint32_t id, std::string_view alts, std::string_view where,
                   bool no_repeat, bool vary = true) {
    std::vector<std::string_view> parts;
    int depth = 0;
    size_t start = 0;
    for (size_t k = 0; k <= alts.size(); ++k) {
      const char c = k < alts.size() ? alts[k] : '|';
      if (c == '<') ++depth;
      if (c == '>') --depth;
      if (c == '|' && depth <= 0) {
        parts.push_back(alts.substr(start, k - start));
        start = k + 1;
      }
    }
    if (depth != 0) Fail(absl::StrCat("unbalanced '<' in ", AV(where)));
    // Alternatives of one rule are contiguous: compile the parts (which may
    // add anonymous rules and their alternatives) before placing them.
    std::vector<Alternative> compiled;
    compiled.reserve(parts.size());
    for (std::string_view part : parts) {
      compiled.push_back(Compile(part, where, vary));
    }
    CompiledRule rule;
    rule.first = static_cast<uint32_t>(alternatives_.size());
    rule.count = static_cast<uint32_t>(compiled.size());
    rule.no_repeat = no_repeat;
    alternatives_.insert(alternatives_.end(), compiled.begin(), compiled.end());
    rules_[id] = rule;
  }

  // Appends literal `t`, turning each phrase of kVariations found in it
  // (whole words, longest first) into a choice among its group.
  void AppendVariedText(std::string_view t, std::string_view where,
                        std::vector<Node>* nodes) {
    size_t plain = 0;  // start of the text not yet appended
    size_t i = 0;
    while (i < t.size()) {
      const bool word_start =
          IsLower(t[i]) && (i == 0 || !IsWordByte(t[i - 1]));
      if (!word_start) {
        ++i;
        continue;
      }
      size_t e = i;
      while (e < t.size() && IsWordByte(t[e])) ++e;
      auto it = variation_index_.find(t.substr(i, e - i));
      const VariationMember* match = nullptr;
      if (it != variation_index_.end()) {
        for (const VariationMember& m : it->second) {
          const size_t end = i + m.phrase.size();
          if (t.compare(i, m.phrase.size(), m.phrase) == 0 &&
              (end == t.size() || !IsWordByte(t[end]))) {
            match = &m;
            break;
          }
        }
      }
      if (match == nullptr) {
        i = e;
        continue;
      }
      if (i > plain) nodes->push_back(TextNode(t.substr(plain, i - plain)));
      uint32_t& rule = variation_rules_[match->group];
      if (rule == kMissing) {
        rule = static_cast<uint32_t>(rules_.size());
        rules_.emplace_back();
        CompileRule(rule, kVariations[match->group], where, false,
                    /*vary=*/false);
      }
      nodes->push_back({NodeKind::kRule, 0, 0, rule});
      i += match->phrase.size();
      plain = i;
    }
    if (plain < t.size()) nodes->push_back(TextNode(t.substr(plain)));
  }

  static bool IsWordByte(char c) {
    return IsLower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '\'' || c == '-' || static_cast<unsigned char>(c) >= 0x80;
  }

  Node TextNode(std::string_view t) {
    Node n{NodeKind::kText, 0, 0, 0};
    if (t.size() > 0xFFFF) {
      Fail("literal text too long");
      t = t.substr(0, 0xFFFF);
    }
    if (t.find("  ") != std::string_view::npos) {
      Fail(absl::StrCat("doubled space in literal \"", AV(t), "\""));
    }
    // Reuse an identical earlier literal (common short ones: ", ", " on ").
    auto it = text_offsets_.find(t);
    if (it != text_offsets_.end()) {
      n.index = it->second;
    } else {
      n.index = static_cast<uint32_t>(text_.size());
      text_.append(t);
      text_offsets_.emplace(t, n.index);
    }
    n.length = static_cast<uint16_t>(t.size());
    return n;
  }

  void Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  static std::string_view TrimSpaces(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
  }

  uint32_t TopicRuleIndex(std::string_view name, std::string_view where) {
    auto it = topic_rule_ids_.find(name);
    if (it != topic_rule_ids_.end()) return it->second;
    const uint32_t index = static_cast<uint32_t>(topic_rule_ids_.size());
    topic_rule_ids_.emplace(name, index);
    const uint32_t generic = RuleId(name);
    for (size_t t = 0; t < topics(); ++t) {
      uint32_t id = RuleId(absl::StrCat(AV(name), "@", AV(kTopics[t])));
      if (id == kMissing) id = generic;
      if (id == kMissing) {
        Fail(absl::StrCat("{~", AV(name), "} in ", AV(where),
                          ": no rule for topic ", AV(kTopics[t])));
      }
      topic_rules_.push_back(id);
    }
    return index;
  }

  Alternative Compile(std::string_view text, std::string_view where,
                      bool vary = true) {
    text = TrimSpaces(text);
    // Nodes are built locally: inline choices compile their own nodes
    // meanwhile.
    std::vector<Node> local;
    std::vector<size_t> open;  // indices of kOptional nodes
    size_t i = 0;
    while (i < text.size()) {
      const size_t special = text.find_first_of("{[]^<", i);
      const size_t end =
          special == std::string_view::npos ? text.size() : special;
      if (end > i) {
        if (vary) {
          AppendVariedText(text.substr(i, end - i), where, &local);
        } else {
          local.push_back(TextNode(text.substr(i, end - i)));
        }
      }
      if (end == text.size()) break;
      const char c = text[end];
      i = end + 1;
      if (c == '[') {
        open.push_back(local.size());
        local.push_back({NodeKind::kOptional, 0, 0, 0});
      } else if (c == ']') {
        if (open.empty()) {
          Fail(absl::StrCat("unbalanced ']' in ", AV(where)));
          continue;
        }
        local[open.back()].index =
            static_cast<uint32_t>(local.size() - open.back() - 1);
        open.pop_back();
      } else if (c == '^') {
        local.push_back({NodeKind::kCapital, 0, 0, 0});
      } else if (c == '<') {
        // Inline choice: up to the matching '>'.
        int depth = 1;
        size_t close = i;
        while (close < text.size()) {
          if (text[close] == '<') ++depth;
          if (text[close] == '>' && --depth == 0) break;
          ++close;
        }
        if (close >= text.size()) {
          Fail(absl::StrCat("unbalanced '<' in ", AV(where)));
          break;
        }
        const uint32_t id = static_cast<uint32_t>(rules_.size());
        rules_.emplace_back();
        CompileRule(id, text.substr(i, close - i), where, false);
        local.push_back({NodeKind::kRule, 0, 0, id});
        i = close + 1;
      } else {  // '{'
        const size_t close = text.find('}', i);
        if (close == std::string_view::npos) {
          Fail(absl::StrCat("unbalanced '{' in ", AV(where)));
          break;
        }
        std::string_view ref = text.substr(i, close - i);
        i = close + 1;
        CompileReference(ref, where, &local);
      }
    }
    if (!open.empty()) Fail(absl::StrCat("unbalanced '[' in ", AV(where)));
    for (size_t k : open) local[k].index = 0;
    Alternative alt;
    alt.first = static_cast<uint32_t>(nodes_.size());
    alt.count = static_cast<uint32_t>(local.size());
    nodes_.insert(nodes_.end(), local.begin(), local.end());
    return alt;
  }

  void CompileReference(std::string_view ref, std::string_view where,
                        std::vector<Node>* nodes) {
    if (ref.empty()) {
      Fail(absl::StrCat("empty {} in ", AV(where)));
      return;
    }
    const char sigil = ref[0];
    if (sigil == '~') {
      nodes->push_back(
          {NodeKind::kTopicRule, 0, 0, TopicRuleIndex(ref.substr(1), where)});
    } else if (sigil == '#') {
      for (const auto& [name, kind] : kNumberKinds) {
        if (name == ref.substr(1)) {
          nodes->push_back(
              {NodeKind::kNumber, static_cast<uint8_t>(kind), 0, 0});
          return;
        }
      }
      Fail(absl::StrCat("unknown number {", AV(ref), "} in ", AV(where)));
    } else if (sigil == '=') {
      std::string_view name = ref.substr(1);
      std::string_view field;
      const size_t dot = name.find('.');
      if (dot != std::string_view::npos) {
        field = name.substr(dot + 1);
        name = name.substr(0, dot);
      }
      if (name.size() == 1 && name[0] >= 'A' && name[0] < 'A' + kNumPersons) {
        for (const auto& [fname, f] : kPersonFields) {
          if (fname == field) {
            nodes->push_back({NodeKind::kPerson, static_cast<uint8_t>(f), 0,
                              static_cast<uint32_t>(name[0] - 'A')});
            return;
          }
        }
        Fail(absl::StrCat("unknown person field {", AV(ref), "} in ",
                          AV(where)));
        return;
      }
      for (size_t b = 0; b < std::size(kBindings); ++b) {
        if (kBindings[b].name == name && field.empty()) {
          nodes->push_back(
              {NodeKind::kBinding, 0, 0, static_cast<uint32_t>(b)});
          return;
        }
      }
      Fail(absl::StrCat("unknown binding {", AV(ref), "} in ", AV(where)));
    } else {
      const uint32_t id = RuleId(ref);
      if (id == kMissing) {
        Fail(absl::StrCat("undefined rule {", AV(ref), "} in ", AV(where)));
        return;
      }
      nodes->push_back({NodeKind::kRule, 0, 0, id});
    }
  }

  struct VariationMember {
    std::string_view phrase;
    uint32_t group;  // index in kVariations
  };
  absl::flat_hash_map<std::string_view, std::vector<VariationMember>>
      variation_index_;
  std::vector<uint32_t> variation_rules_;  // by group; kMissing until used
  std::vector<CompiledRule> rules_;
  std::vector<Alternative> alternatives_;
  std::vector<Node> nodes_;
  std::string text_;  // literal text of all kText nodes
  absl::flat_hash_map<std::string_view, uint32_t> text_offsets_;
  std::vector<Alternative> binding_templates_;
  absl::flat_hash_map<std::string_view, uint32_t> rule_ids_;
  // Topic rule index -> (topic -> rule id), flattened.
  absl::flat_hash_map<std::string_view, uint32_t> topic_rule_ids_;
  std::vector<uint32_t> topic_rules_;
  std::string error_;
};

// ---------------------------------------------------------------------------
// Expansion.

void AppendUint(uint64_t v, std::string* out) {
  char buf[24];
  int n = std::snprintf(buf, sizeof(buf), "%llu",
                        static_cast<unsigned long long>(v));
  out->append(buf, static_cast<size_t>(n));
}

// v tenths as "12.3" (or "12" when `drop_zero` and v is whole).
void AppendTenths(uint64_t v, bool drop_zero, std::string* out) {
  AppendUint(v / 10, out);
  if (drop_zero && v % 10 == 0) return;
  out->push_back('.');
  out->push_back(static_cast<char>('0' + v % 10));
}

constexpr std::string_view kCurrencySymbols[] = {"$", "$", "\xC2\xA3",
                                                 "\xE2\x82\xAC"};

constexpr std::string_view kMonthNames[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// A person of the story's cast.
struct Person {
  std::string full, surname, role;
  bool female = false;
  bool mentioned = false;
};

// Story state: topic, cast and bound values.
struct StoryState {
  size_t topic = 0;
  bool titles = false;  // "Ms. Surname" rather than "Surname"
  Person cast[kNumPersons];
  std::vector<std::string> bound;  // by binding index
  std::vector<uint32_t> used;      // alternatives of no_repeat rules used
};

// Is `w` (the word after an article) said with a leading vowel sound?
bool StartsWithVowelSound(std::string_view w) {
  while (!w.empty() && (w[0] == '"' || w[0] == '\'' || w[0] == '(')) {
    w.remove_prefix(1);
  }
  if (w.empty()) return false;
  const char c = static_cast<char>(w[0] | 0x20);
  if (w[0] >= '0' && w[0] <= '9') {
    // "an 8% rise", "an 11-year-old", "an 18th".
    if (w[0] == '8') return true;
    return w.size() >= 2 && w[0] == '1' && (w[1] == '1' || w[1] == '8') &&
           (w.size() == 2 || !(w[2] >= '0' && w[2] <= '9'));
  }
  auto starts = [&](std::string_view p) {
    if (w.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
      if (static_cast<char>(w[i] | 0x20) != p[i]) return false;
    }
    return true;
  };
  if (starts("uni") || starts("use") || starts("usu") || starts("eu") ||
      starts("one") || starts("once") || starts("ukr") || starts("uk ") ||
      starts("ura")) {
    return false;
  }
  if (starts("hour") || starts("honest") || starts("honour") ||
      starts("heir")) {
    return true;
  }
  // Initialisms said letter by letter ("an MP", "an NHS trust").
  if (w.size() >= 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' &&
      w[1] <= 'Z') {
    return std::string_view("AEFHILMNORSX").find(w[0]) !=
           std::string_view::npos;
  }
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool IsClosing(char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '?' || c == '!' ||
         c == ')';
}

class Expander {
 public:
  Expander(const Grammar& g, Rng* rng, StoryState* story)
      : g_(g), rng_(*rng), story_(*story) {}

  void ExpandRule(uint32_t id, std::string* out, int depth = 0) {
    if (id == Grammar::kMissing) return;
    const CompiledRule& r = g_.rule(id);
    ExpandAlternatives(r.first, r.count, r.no_repeat, out, depth);
  }

  // Draws one of the `count` alternatives from `first` and expands it.
  void ExpandAlternatives(uint32_t first, uint32_t count, bool no_repeat,
                          std::string* out, int depth) {
    if (count == 0 || depth > kMaxDepth) return;
    uint32_t alt = first + static_cast<uint32_t>(rng_.Uniform(count));
    if (no_repeat) {
      for (int retry = 0; retry < kRepeatRetries && Used(alt); ++retry) {
        alt = first + static_cast<uint32_t>(rng_.Uniform(count));
      }
      story_.used.push_back(alt);
    }
    ExpandAlternative(g_.alternative(alt), out, depth);
  }

  void ExpandAlternative(const Alternative& alt, std::string* out, int depth) {
    const uint32_t end = alt.first + alt.count;
    for (uint32_t i = alt.first; i < end; ++i) {
      const Node& n = g_.node(i);
      switch (n.kind) {
        case NodeKind::kText:
          Emit(g_.text(n), out);
          break;
        case NodeKind::kRule:
          ExpandAlternatives(n.index, n.length, n.field != 0, out, depth + 1);
          break;
        case NodeKind::kTopicRule:
          ExpandRule(g_.topic_rule(n.index, story_.topic), out, depth + 1);
          break;
        case NodeKind::kBinding:
          Emit(story_.bound[n.index], out);
          break;
        case NodeKind::kPerson:
          EmitPerson(story_.cast[n.index], static_cast<PersonField>(n.field),
                     out);
          break;
        case NodeKind::kNumber:
          scratch_.clear();
          AppendNumber(static_cast<NumberKind>(n.field), &scratch_);
          Emit(scratch_, out);
          break;
        case NodeKind::kOptional: {
          const bool take = rng_.Bernoulli(0.5);
          if (!take) i += n.index;
          break;
        }
        case NodeKind::kCapital:
          capitalise_ = true;
          break;
      }
    }
  }

  void set_capitalise(bool on) { capitalise_ = on; }

 private:
  static constexpr int kMaxDepth = 24;
  static constexpr int kRepeatRetries = 3;

  bool Used(uint32_t alt) const {
    return std::find(story_.used.begin(), story_.used.end(), alt) !=
           story_.used.end();
  }

  // Appends `s`, tidying the join: one space between words, none before
  // closing punctuation or after '(', no doubled comma or period, "a"
  // becomes "an" before a vowel sound; capitalises the first letter when
  // asked. Literals hold no doubled spaces (checked when compiling), so
  // only joins need care.
  void Emit(std::string_view s, std::string* out) {
    size_t b = 0;
    const size_t n = s.size();
    while (b < n) {
      if (s[b] == ' ') {
        while (b < n && s[b] == ' ') ++b;
        if (!out->empty() && out->back() != ' ' && out->back() != '(') {
          out->push_back(' ');
        }
        if (b == n) return;
      }
      const char c = s[b];
      if (!IsClosing(c)) break;
      while (!out->empty() && out->back() == ' ') out->pop_back();
      if (out->empty()) break;
      const char last = out->back();
      if (c == ',' && (last == ',' || last == '.' || last == '(')) {
        ++b;  // drop the comma, then join what follows
        continue;
      }
      if (c == '.' && (last == '.' || last == ',')) {
        out->back() = '.';  // "U.S." + ".", or an empty part before "."
        ++b;
        continue;
      }
      break;
    }
    if (b == n) return;
    if (!IsClosing(s[b]) && out->size() >= 2 && out->back() == ' ') {
      const size_t m = out->size();
      const char a = (*out)[m - 2];
      if ((a == 'a' || a == 'A') &&
          (m == 2 || (*out)[m - 3] == ' ' || (*out)[m - 3] == '"')) {
        size_t e = b;
        while (e < n && s[e] != ' ') ++e;
        if (StartsWithVowelSound(s.substr(b, e - b))) {
          out->insert(m - 1, 1, 'n');
        }
      }
    }
    const size_t start = out->size();
    out->append(s.data() + b, n - b);
    if (capitalise_) Capitalise(start, out);
  }

  void Capitalise(size_t start, std::string* out) {
    for (size_t k = start; k < out->size(); ++k) {
      char& c = (*out)[k];
      if (IsLower(c)) {
        c = static_cast<char>(c - ('a' - 'A'));
        capitalise_ = false;
        return;
      }
      if (static_cast<unsigned char>(c) == 0xC3 && k + 1 < out->size()) {
        // Latin-1 lower case letters U+00E0..U+00FE (not U+00F7).
        unsigned char d = static_cast<unsigned char>((*out)[k + 1]);
        if (d >= 0xA0 && d <= 0xBE && d != 0xB7) {
          (*out)[k + 1] = static_cast<char>(d - 0x20);
        }
        capitalise_ = false;
        return;
      }
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          static_cast<unsigned char>(c) >= 0x80) {
        capitalise_ = false;
        return;
      }
    }
  }

  void EmitPerson(Person& p, PersonField field, std::string* out) {
    switch (field) {
      case PersonField::kMention:
      case PersonField::kIntro:
        if (!p.mentioned) {
          p.mentioned = true;
          Emit(p.full, out);
          if (field == PersonField::kIntro) {
            Emit(", ", out);
            Emit(p.role, out);
            Emit(",", out);
          }
          return;
        }
        [[fallthrough]];
      case PersonField::kShort:
        if (story_.titles) Emit(p.female ? "Ms. " : "Mr. ", out);
        Emit(p.surname, out);
        return;
      case PersonField::kFull:
        p.mentioned = true;
        Emit(p.full, out);
        return;
      case PersonField::kSurname:
        Emit(p.surname, out);
        return;
      case PersonField::kRole:
        Emit(p.role, out);
        return;
      case PersonField::kHe:
        Emit(p.female ? "she" : "he", out);
        return;
      case PersonField::kCapHe:
        Emit(p.female ? "She" : "He", out);
        return;
      case PersonField::kHis:
        Emit(p.female ? "her" : "his", out);
        return;
      case PersonField::kCapHis:
        Emit(p.female ? "Her" : "His", out);
        return;
      case PersonField::kHim:
        Emit(p.female ? "her" : "him", out);
        return;
    }
  }

  // One random draw per statement: argument evaluation order is
  // unspecified, and compilers differ.
  void AppendNumber(NumberKind kind, std::string* out) {
    switch (kind) {
      case NumberKind::kPct: {
        const bool tenths = rng_.Bernoulli(0.6);
        if (tenths) {
          const uint64_t v = rng_.Range(1, 249);
          AppendTenths(v, false, out);
        } else {
          const uint64_t v = rng_.Range(2, 60);
          AppendUint(v, out);
        }
        out->push_back('%');
        return;
      }
      case NumberKind::kPctSmall: {
        const uint64_t v = rng_.Range(1, 49);
        AppendTenths(v, false, out);
        out->push_back('%');
        return;
      }
      case NumberKind::kMoney: {
        const uint64_t currency = rng_.Uniform(4);
        const uint64_t scale = rng_.Uniform(10);
        if (scale < 2) {  // thousands, written out
          const uint64_t v = rng_.Range(15, 990);
          out->append(kCurrencySymbols[currency]);
          AppendGrouped(v * 1000, out);
          return;
        }
        const bool billions = scale >= 7;
        const bool tenths = rng_.Bernoulli(0.5);
        const uint64_t v = tenths ? rng_.Range(11, 99) : rng_.Range(2, 950);
        const uint64_t style = rng_.Uniform(3);
        if (style == 2 && currency == 3) {  // "35 million euros"
          if (tenths) {
            AppendTenths(v, true, out);
          } else {
            AppendUint(v, out);
          }
          out->append(billions ? " billion euros" : " million euros");
          return;
        }
        out->append(kCurrencySymbols[currency]);
        if (tenths) {
          AppendTenths(v, true, out);
        } else {
          AppendUint(v, out);
        }
        if (style == 0) {
          out->append(billions ? "bn" : "m");
        } else {
          out->append(billions ? " billion" : " million");
        }
        return;
      }
      case NumberKind::kCount: {
        const uint64_t digits = rng_.Range(3, 5);
        const uint64_t lo = digits == 3 ? 120 : digits == 4 ? 1000 : 10000;
        const uint64_t v = rng_.Range(lo, lo * 10 - 1);
        // Round like a reporter: 3 significant figures.
        const uint64_t unit = digits == 3 ? 10 : digits == 4 ? 10 : 100;
        AppendGrouped(v / unit * unit, out);
        return;
      }
      case NumberKind::kInt: {
        const uint64_t v = rng_.Range(2, 99);
        AppendUint(v, out);
        return;
      }
      case NumberKind::kYear: {
        const uint64_t v = rng_.Range(1948, 2023);
        AppendUint(v, out);
        return;
      }
      case NumberKind::kRecentYear: {
        const uint64_t v = rng_.Range(2009, 2023);
        AppendUint(v, out);
        return;
      }
      case NumberKind::kAge: {
        const uint64_t v = rng_.Range(17, 91);
        AppendUint(v, out);
        return;
      }
      case NumberKind::kDate: {
        const uint64_t month = rng_.Uniform(12);
        const uint64_t day = rng_.Range(1, 28);
        out->append(kMonthNames[month]);
        out->push_back(' ');
        AppendUint(day, out);
        return;
      }
      case NumberKind::kClock: {
        const bool gmt = rng_.Bernoulli(0.3);
        const uint64_t minute = rng_.Uniform(12) * 5;
        if (gmt) {
          const uint64_t h = rng_.Range(0, 23);
          char buf[16];
          std::snprintf(buf, sizeof(buf), "%02u:%02u GMT",
                        static_cast<unsigned>(h),
                        static_cast<unsigned>(minute));
          out->append(buf);
        } else {
          const uint64_t h = rng_.Range(1, 12);
          const bool pm = rng_.Bernoulli(0.5);
          char buf[16];
          std::snprintf(buf, sizeof(buf), "%u:%02u %s",
                        static_cast<unsigned>(h), static_cast<unsigned>(minute),
                        pm ? "p.m." : "a.m.");
          out->append(buf);
        }
        return;
      }
      case NumberKind::kOrdinal: {
        const uint64_t v = rng_.Range(11, 60);
        AppendUint(v, out);
        out->append(OrdinalSuffix(v));
        return;
      }
      case NumberKind::kScore: {
        const uint64_t a = rng_.Range(1, 5);
        const uint64_t b = rng_.Range(0, a - 1);
        AppendUint(a, out);
        out->push_back('-');
        AppendUint(b, out);
        return;
      }
      case NumberKind::kDecade: {
        const uint64_t v = rng_.Range(195, 201);
        AppendUint(v * 10, out);
        out->push_back('s');
        return;
      }
      case NumberKind::kDistance: {
        const bool miles = rng_.Bernoulli(0.4);
        const uint64_t v = rng_.Range(3, 480);
        AppendUint(v, out);
        out->append(miles ? " miles" : " km");
        return;
      }
      case NumberKind::kTemperature: {
        const uint64_t v = rng_.Range(24, 47);
        AppendUint(v, out);
        out->push_back('C');
        return;
      }
      case NumberKind::kRainfall: {
        const uint64_t v = rng_.Range(40, 390);
        AppendUint(v, out);
        out->append(" millimetres");
        return;
      }
      case NumberKind::kPrice: {
        const bool pence = rng_.Bernoulli(0.5);
        if (pence) {
          const uint64_t v = rng_.Range(12, 2400);
          AppendGrouped(v, out);
          out->append(" pence");
        } else {
          const uint64_t v = rng_.Range(150, 48000);
          out->push_back('$');
          AppendUint(v / 100, out);
          char buf[8];
          std::snprintf(buf, sizeof(buf), ".%02u",
                        static_cast<unsigned>(v % 100));
          out->append(buf);
        }
        return;
      }
      case NumberKind::kVotes: {
        const uint64_t yes = rng_.Range(60, 420);
        const uint64_t no = rng_.Range(20, yes - 1);
        AppendUint(yes, out);
        out->append(" votes to ");
        AppendUint(no, out);
        return;
      }
      case NumberKind::kDuration: {
        static constexpr std::string_view kUnits[] = {"days", "weeks", "months",
                                                      "years"};
        const uint64_t unit = rng_.Uniform(4);
        const uint64_t v = rng_.Range(2, 30);
        AppendUint(v, out);
        out->push_back(' ');
        out->append(kUnits[unit]);
        return;
      }
      case NumberKind::kMinute: {
        const uint64_t v = rng_.Range(2, 90);
        AppendUint(v, out);
        out->append(OrdinalSuffix(v));
        return;
      }
      case NumberKind::kCash: {
        const uint64_t currency = rng_.Uniform(4);
        const uint64_t v = rng_.Range(3, 950);
        out->append(kCurrencySymbols[currency]);
        AppendGrouped(v < 100 ? v * 50 : v * 100, out);
        return;
      }
      case NumberKind::kSmall: {
        const uint64_t v = rng_.Range(2, 9);
        AppendUint(v, out);
        return;
      }
      case NumberKind::kPoints: {
        const uint64_t v = rng_.Range(1, 20) * 25;
        AppendUint(v / 100, out);
        char buf[8];
        std::snprintf(buf, sizeof(buf), ".%02u",
                      static_cast<unsigned>(v % 100));
        out->append(buf);
        out->append(" percentage points");
        return;
      }
    }
  }

  const Grammar& g_;
  Rng& rng_;
  StoryState& story_;
  bool capitalise_ = false;
  std::string scratch_;
};

// Finishes a sentence or phrase built by Expander::Emit: trims trailing
// spaces; when `terminal`, makes sure of a final . ! ? (or a closing quote
// after one), otherwise drops trailing periods and commas; capitalises the
// first letter when `capitalise`. Returns the number of words.
size_t Finish(bool terminal, bool capitalise, std::string* out) {
  while (!out->empty() && out->back() == ' ') out->pop_back();
  if (terminal) {
    size_t end = out->size();
    while (end > 0 && ((*out)[end - 1] == '"' || (*out)[end - 1] == '\'')) {
      --end;
    }
    if (end == 0 || ((*out)[end - 1] != '.' && (*out)[end - 1] != '!' &&
                     (*out)[end - 1] != '?')) {
      if (end > 0 && (*out)[end - 1] == ',') {
        (*out)[end - 1] = '.';
      } else {
        out->insert(end, 1, '.');
      }
    }
  } else {
    while (!out->empty() &&
           (out->back() == '.' || out->back() == ',' || out->back() == ' ')) {
      out->pop_back();
    }
  }
  if (capitalise) {
    for (char& c : *out) {
      if (IsLower(c)) {
        c = static_cast<char>(c - ('a' - 'A'));
        break;
      }
      if (c != '"' && c != '\'' && c != '(') break;
    }
  }
  if (out->empty()) return 0;
  return static_cast<size_t>(std::count(out->begin(), out->end(), ' ')) + 1;
}

struct GeneratorScratch {
  StoryState story;
  std::string tidy;
};

constexpr size_t kMinStorySentences = 6;
constexpr size_t kMaxStorySentences = 25;
constexpr size_t kMinSentenceWords = 8;
constexpr size_t kMaxSentenceWords = 40;
constexpr size_t kShortSentenceWords = 14;
constexpr double kKeepShortSentence = 0.4;
constexpr int kSentenceAttempts = 12;

}  // namespace

std::string_view GenerateBuiltinArticle(uint64_t seed, Article* out) {
  const Grammar& g = Grammar::Get();
  Rng rng(seed);
  out->headline.clear();
  // Sentence strings are reused (assigned, not reallocated) when `out`
  // held a story before.
  size_t count = 0;
  out->paragraph.clear();

  // Scratch reused across calls on this thread (no allocation per story
  // once warm).
  thread_local GeneratorScratch scratch;
  StoryState& story = scratch.story;
  std::string& tidy = scratch.tidy;
  story.topic = rng.Uniform(g.topics());
  story.titles = rng.Bernoulli(0.5);
  story.used.clear();
  for (Person& person : story.cast) person.mentioned = false;
  Expander expander(g, &rng, &story);
  // The cast: distinct surnames, genders drawn per person.
  static const uint32_t kFirstMale = g.RuleId("first_m");
  static const uint32_t kFirstFemale = g.RuleId("first_f");
  static const uint32_t kSurname = g.RuleId("surname");
  for (int p = 0; p < kNumPersons; ++p) {
    Person& person = story.cast[p];
    person.female = rng.Bernoulli(0.5);
    for (int attempt = 0; attempt < 8; ++attempt) {
      person.surname.clear();
      expander.ExpandRule(kSurname, &person.surname);
      bool clash = false;
      for (int q = 0; q < p; ++q) {
        clash = clash || story.cast[q].surname == person.surname;
      }
      if (!clash) break;
    }
    person.full.clear();
    expander.ExpandRule(person.female ? kFirstFemale : kFirstMale,
                        &person.full);
    person.full.push_back(' ');
    person.full.append(person.surname);
  }
  // Bound values, in table order (later ones may use earlier ones).
  story.bound.resize(g.bindings());
  for (size_t b = 0; b < g.bindings(); ++b) {
    std::string& value = story.bound[b];
    value.clear();
    expander.ExpandAlternative(g.binding(b), &value, 0);
    Finish(/*terminal=*/false, /*capitalise=*/false, &value);
  }
  static const uint32_t kRoles[kNumPersons] = {
      g.RuleId("role_a"), g.RuleId("role_b"), g.RuleId("role_c")};
  static const uint32_t kHeadline = g.RuleId("headline");
  static const uint32_t kLead = g.RuleId("lead");
  static const uint32_t kBody = g.RuleId("body");
  for (int p = 0; p < kNumPersons; ++p) {
    std::string& role = story.cast[p].role;
    role.clear();
    expander.ExpandRule(kRoles[p], &role);
    Finish(/*terminal=*/false, /*capitalise=*/false, &role);
  }

  expander.ExpandRule(kHeadline, &out->headline);
  Finish(/*terminal=*/false, /*capitalise=*/true, &out->headline);

  const size_t n = rng.Range(kMinStorySentences, kMaxStorySentences);
  uint32_t paragraph = 0;
  uint64_t left_in_paragraph = rng.Range(1, 2);
  while (count < n) {
    const bool lead = count == 0;
    for (int attempt = 0; attempt < kSentenceAttempts; ++attempt) {
      // Person mentions made by a rejected attempt do not count.
      bool mentioned[kNumPersons];
      for (int p = 0; p < kNumPersons; ++p) {
        mentioned[p] = story.cast[p].mentioned;
      }
      tidy.clear();
      expander.set_capitalise(false);
      expander.ExpandRule(lead ? kLead : kBody, &tidy);
      const size_t words =
          Finish(/*terminal=*/true, /*capitalise=*/true, &tidy);
      bool ok = words >= kMinSentenceWords && words <= kMaxSentenceWords;
      // Short sentences are kept only sometimes: news prose averages
      // about 20 words a sentence.
      if (ok && words < kShortSentenceWords) {
        const bool keep = rng.Bernoulli(kKeepShortSentence);
        ok = keep;
      }
      for (size_t k = 0; k < count && ok; ++k) ok = out->sentences[k] != tidy;
      if (ok || attempt + 1 == kSentenceAttempts) break;
      for (int p = 0; p < kNumPersons; ++p) {
        story.cast[p].mentioned = mentioned[p];
      }
    }
    if (left_in_paragraph == 0) {
      ++paragraph;
      left_in_paragraph = rng.Range(1, 3);
    }
    if (count < out->sentences.size()) {
      out->sentences[count].assign(tidy);
    } else {
      out->sentences.push_back(tidy);
    }
    ++count;
    out->paragraph.push_back(paragraph);
    --left_in_paragraph;
  }
  out->sentences.resize(count);
  return g.topic_name(story.topic);
}

absl::Status CheckBuiltinGrammar() {
  const Grammar& g = Grammar::Get();
  if (!g.error().empty()) return absl::InternalError(g.error());
  for (std::string_view name :
       {"first_m", "first_f", "surname", "role_a", "role_b", "role_c",
        "headline", "lead", "body"}) {
    if (g.RuleId(name) == Grammar::kMissing) {
      return absl::InternalError(absl::StrCat("missing rule ", AV(name)));
    }
  }
  return absl::OkStatus();
}

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
