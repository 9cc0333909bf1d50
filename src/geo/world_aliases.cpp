// Curated spellings outside Morocco: the countries most often named in investment news, in
// Arabic, French and English (ISO already gives the English short names), a few alternative
// spellings of first-level regions, and major cities mapped to their first-level region, for
// the countries pledgedb has been measured on (United States, India, Kenya, Mexico) and a few
// more. Also: fixes to the embedded iso-codes data, and ISO names too generic for running text.
#include "geo/curated.hpp"

namespace pledgedb::geo::curated {

namespace {
constexpr auto N = AliasKind::name;
constexpr auto C = AliasKind::city;

constexpr Entry kWorld[] = {
    // --- countries ---------------------------------------------------------------------------
    {"FR", "France", "", N}, {"FR", "فرنسا", "ar", N},
    {"ES", "Spain", "en", N}, {"ES", "Espagne", "fr", N}, {"ES", "España", "es", N},
    {"ES", "إسبانيا", "ar", N},
    {"US", "USA", "en", N}, {"US", "U.S.A.", "en", N}, {"US", "U.S.", "en", N},
    {"US", "United States", "en", N}, {"US", "United States of America", "en", N},
    {"US", "États-Unis", "fr", N}, {"US", "Etats-Unis d'Amérique", "fr", N},
    {"US", "Estados Unidos", "es", N},
    {"US", "الولايات المتحدة", "ar", N}, {"US", "الولايات المتحدة الأمريكية", "ar", N},
    {"US", "الولايات المتحدة الأميركية", "ar", N}, {"US", "أمريكا", "ar", N},
    {"CN", "China", "en", N}, {"CN", "Chine", "fr", N}, {"CN", "People's Republic of China", "en", N},
    {"CN", "الصين", "ar", N},
    {"IN", "India", "en", N}, {"IN", "Inde", "fr", N}, {"IN", "الهند", "ar", N},
    {"KE", "Kenya", "", N}, {"KE", "كينيا", "ar", N},
    {"MX", "Mexico", "en", N}, {"MX", "Mexique", "fr", N}, {"MX", "México", "es", N},
    {"MX", "المكسيك", "ar", N},
    {"DE", "Germany", "en", N}, {"DE", "Allemagne", "fr", N}, {"DE", "Deutschland", "", N},
    {"DE", "ألمانيا", "ar", N},
    {"GB", "UK", "en", N}, {"GB", "U.K.", "en", N}, {"GB", "United Kingdom", "en", N},
    {"GB", "Britain", "en", N}, {"GB", "Great Britain", "en", N}, {"GB", "Royaume-Uni", "fr", N},
    {"GB", "المملكة المتحدة", "ar", N}, {"GB", "بريطانيا", "ar", N},
    {"AE", "UAE", "en", N}, {"AE", "United Arab Emirates", "en", N},
    {"AE", "Émirats arabes unis", "fr", N}, {"AE", "EAU", "fr", N},
    {"AE", "الإمارات", "ar", N}, {"AE", "الإمارات العربية المتحدة", "ar", N},
    {"SA", "Saudi Arabia", "en", N}, {"SA", "Arabie saoudite", "fr", N}, {"SA", "السعودية", "ar", N},
    {"SA", "المملكة العربية السعودية", "ar", N},
    {"QA", "Qatar", "", N}, {"QA", "قطر", "ar", N},
    {"EG", "Egypt", "en", N}, {"EG", "Égypte", "fr", N}, {"EG", "مصر", "ar", N},
    {"DZ", "Algeria", "en", N}, {"DZ", "Algérie", "fr", N}, {"DZ", "الجزائر", "ar", N},
    {"TN", "Tunisia", "en", N}, {"TN", "Tunisie", "fr", N}, {"TN", "تونس", "ar", N},
    {"MR", "Mauritania", "en", N}, {"MR", "Mauritanie", "fr", N}, {"MR", "موريتانيا", "ar", N},
    {"LY", "Libya", "en", N}, {"LY", "Libye", "fr", N}, {"LY", "ليبيا", "ar", N},
    {"SN", "Senegal", "en", N}, {"SN", "Sénégal", "fr", N}, {"SN", "السنغال", "ar", N},
    {"NG", "Nigeria", "", N}, {"NG", "Nigéria", "fr", N}, {"NG", "نيجيريا", "ar", N},
    {"CI", "Côte d'Ivoire", "", N}, {"CI", "Ivory Coast", "en", N}, {"CI", "ساحل العاج", "ar", N},
    {"CI", "كوت ديفوار", "ar", N},
    {"GH", "Ghana", "", N}, {"GH", "غانا", "ar", N},
    {"ET", "Ethiopia", "en", N}, {"ET", "Éthiopie", "fr", N}, {"ET", "إثيوبيا", "ar", N},
    {"ZA", "South Africa", "en", N}, {"ZA", "Afrique du Sud", "fr", N},
    {"ZA", "جنوب أفريقيا", "ar", N}, {"ZA", "جنوب إفريقيا", "ar", N},
    {"CM", "Cameroun", "fr", N}, {"CM", "الكاميرون", "ar", N},
    {"JP", "Japan", "en", N}, {"JP", "Japon", "fr", N}, {"JP", "اليابان", "ar", N},
    {"KR", "South Korea", "en", N}, {"KR", "Korea", "en", N}, {"KR", "Corée du Sud", "fr", N},
    {"KR", "كوريا الجنوبية", "ar", N},
    {"TR", "Turkey", "en", N}, {"TR", "Türkiye", "", N}, {"TR", "Turquie", "fr", N},
    {"TR", "تركيا", "ar", N},
    {"IT", "Italy", "en", N}, {"IT", "Italie", "fr", N}, {"IT", "إيطاليا", "ar", N},
    {"PT", "Portugal", "", N}, {"PT", "البرتغال", "ar", N},
    {"CA", "Canada", "", N}, {"CA", "كندا", "ar", N},
    {"BR", "Brazil", "en", N}, {"BR", "Brésil", "fr", N}, {"BR", "Brasil", "es", N},
    {"BR", "البرازيل", "ar", N},
    {"BE", "Belgium", "en", N}, {"BE", "Belgique", "fr", N}, {"BE", "بلجيكا", "ar", N},
    {"NL", "Netherlands", "en", N}, {"NL", "Pays-Bas", "fr", N}, {"NL", "Holland", "en", N},
    {"NL", "هولندا", "ar", N},
    {"CH", "Switzerland", "en", N}, {"CH", "Suisse", "fr", N}, {"CH", "سويسرا", "ar", N},
    {"RU", "Russia", "en", N}, {"RU", "Russie", "fr", N}, {"RU", "روسيا", "ar", N},
    {"KW", "Kuwait", "en", N}, {"KW", "Koweït", "fr", N}, {"KW", "الكويت", "ar", N},
    {"BH", "Bahrain", "en", N}, {"BH", "Bahreïn", "fr", N}, {"BH", "البحرين", "ar", N},
    {"OM", "Oman", "", N}, {"OM", "سلطنة عمان", "ar", N},
    {"JO", "Jordanie", "fr", N}, {"JO", "الأردن", "ar", N},
    {"IL", "Israël", "fr", N}, {"IL", "إسرائيل", "ar", N},
    {"SE", "Sweden", "en", N}, {"SE", "Suède", "fr", N}, {"SE", "السويد", "ar", N},
    {"IE", "Irlande", "fr", N}, {"IE", "أيرلندا", "ar", N},
    {"AT", "Autriche", "fr", N}, {"PL", "Pologne", "fr", N}, {"DK", "Danemark", "fr", N},
    {"CZ", "Czechia", "en", N}, {"CZ", "Czech Republic", "en", N}, {"CZ", "Tchéquie", "fr", N},
    {"IQ", "Irak", "fr", N}, {"IQ", "العراق", "ar", N},
    {"LB", "Liban", "fr", N}, {"LB", "لبنان", "ar", N},
    {"SD", "Soudan", "fr", N}, {"SD", "السودان", "ar", N},
    {"VN", "Vietnam", "", N}, {"VN", "فيتنام", "ar", N},
    {"ID", "Indonésie", "fr", N}, {"ID", "إندونيسيا", "ar", N},
    {"SG", "Singapour", "fr", N}, {"SG", "سنغافورة", "ar", N},
    {"AU", "Australie", "fr", N}, {"AU", "أستراليا", "ar", N},
    {"AR", "Argentine", "fr", N}, {"AR", "الأرجنتين", "ar", N},
    {"TW", "Taïwan", "fr", N},

    // --- United States: major cities -> state -----------------------------------------------
    {"US-NY", "New York City", "en", C}, {"US-NY", "NYC", "en", C}, {"US-NY", "نيويورك", "ar", C},
    {"US-NY", "Buffalo", "en", C}, {"US-NY", "Rochester", "en", C}, {"US-NY", "Brooklyn", "en", C},
    {"US-WI", "Milwaukee", "en", C}, {"US-WI", "Racine", "en", C}, {"US-WI", "Mount Pleasant", "en", C},
    {"US-WI", "Kenosha", "en", C}, {"US-WI", "Green Bay", "en", C}, {"US-WI", "ويسكونسن", "ar", N},
    {"US-CA", "Los Angeles", "en", C}, {"US-CA", "San Francisco", "en", C},
    {"US-CA", "Silicon Valley", "en", C}, {"US-CA", "San Diego", "en", C},
    {"US-CA", "San Jose", "en", C}, {"US-CA", "Fremont", "en", C}, {"US-CA", "كاليفورنيا", "ar", N},
    {"US-TX", "Houston", "en", C}, {"US-TX", "Dallas", "en", C}, {"US-TX", "Austin", "en", C},
    {"US-TX", "San Antonio", "en", C}, {"US-TX", "تكساس", "ar", N},
    {"US-IL", "Chicago", "en", C}, {"US-MI", "Detroit", "en", C}, {"US-WA", "Seattle", "en", C},
    {"US-MA", "Boston", "en", C}, {"US-GA", "Atlanta", "en", C}, {"US-FL", "Miami", "en", C},
    {"US-AZ", "Phoenix", "en", C}, {"US-PA", "Philadelphia", "en", C},
    {"US-PA", "Pittsburgh", "en", C}, {"US-NV", "Las Vegas", "en", C}, {"US-NV", "Reno", "en", C},
    {"US-DC", "Washington, D.C.", "en", C}, {"US-DC", "Washington DC", "en", C},

    // --- India: states and major cities -----------------------------------------------------
    {"IN-GJ", "Gujarat", "en", N}, {"IN-GJ", "غوجارات", "ar", N},
    {"IN-GJ", "Ahmedabad", "en", C}, {"IN-GJ", "Bharuch", "en", C}, {"IN-GJ", "Vilayat", "en", C},
    {"IN-GJ", "Dahej", "en", C}, {"IN-GJ", "Surat", "en", C}, {"IN-GJ", "Vadodara", "en", C},
    {"IN-GJ", "Baroda", "en", C}, {"IN-GJ", "Gandhinagar", "en", C}, {"IN-GJ", "Rajkot", "en", C},
    {"IN-GJ", "Dahegam", "en", C}, {"IN-GJ", "Dehgam", "en", C}, {"IN-GJ", "Sanand", "en", C},
    {"IN-MH", "Mumbai", "en", C}, {"IN-MH", "Bombay", "en", C}, {"IN-MH", "Pune", "en", C},
    {"IN-MH", "Nagpur", "en", C}, {"IN-DL", "New Delhi", "en", C}, {"IN-DL", "نيودلهي", "ar", C},
    {"IN-KA", "Bengaluru", "en", C}, {"IN-KA", "Bangalore", "en", C},
    {"IN-TN", "Chennai", "en", C}, {"IN-TN", "Madras", "en", C},
    {"IN-TG", "Hyderabad", "en", C}, {"IN-WB", "Kolkata", "en", C}, {"IN-WB", "Calcutta", "en", C},
    {"IN-UP", "Noida", "en", C}, {"IN-HR", "Gurugram", "en", C}, {"IN-HR", "Gurgaon", "en", C},
    {"IN-OR", "Orissa", "en", N},

    // --- Kenya: counties and major towns ----------------------------------------------------
    {"KE-30", "Nairobi", "", C}, {"KE-30", "Nairobi County", "en", N}, {"KE-30", "نيروبي", "ar", C},
    {"KE-28", "مومباسا", "ar", C}, {"KE-44", "Eldoret", "en", C}, {"KE-13", "Thika", "en", C},
    {"KE-31", "Naivasha", "en", C}, {"KE-22", "Lukenya", "en", C}, {"KE-22", "Athi River", "en", C},
    {"KE-22", "Konza", "en", C}, {"KE-14", "Kikambala", "en", C}, {"KE-14", "Malindi", "en", C},
    {"KE-05", "Elgeyo-Marakwet", "en", N}, {"KE-39", "Taita-Taveta", "en", N},

    // --- Mexico: states and major cities ----------------------------------------------------
    {"MX-GUA", "Salamanca", "es", C}, {"MX-GUA", "León", "es", C}, {"MX-GUA", "Celaya", "es", C},
    {"MX-GUA", "Irapuato", "es", C}, {"MX-GUA", "Silao", "es", C},
    {"MX-JAL", "Guadalajara", "es", C}, {"MX-NLE", "Monterrey", "es", C},
    {"MX-CMX", "Mexico City", "en", C}, {"MX-CMX", "CDMX", "es", C},
    {"MX-CMX", "Mexico DF", "es", C}, {"MX-BCN", "Tijuana", "es", C},
    {"MX-CHH", "Ciudad Juárez", "es", C}, {"MX-COA", "Saltillo", "es", C},
    {"MX-COA", "Coahuila", "es", N}, {"MX-MIC", "Michoacán", "es", N},
    {"MX-VER", "Veracruz", "es", N}, {"MX-MEX", "Estado de México", "es", N},
    {"MX-MEX", "State of Mexico", "en", N}, {"MX-MEX", "Edomex", "es", N},

    // --- others often named in announcements ------------------------------------------------
    {"CN-BJ", "Beijing", "en", C}, {"CN-BJ", "Pékin", "fr", C}, {"CN-BJ", "بكين", "ar", C},
    {"CN-SH", "Shanghai", "", C}, {"CN-SH", "شنغهاي", "ar", C},
    {"CN-GD", "Guangdong", "", N}, {"CN-GD", "Shenzhen", "", C}, {"CN-GD", "Guangzhou", "", C},
    {"CN-JS", "Jiangsu", "", N}, {"CN-ZJ", "Zhejiang", "", N},
    {"FR-IDF", "Paris", "", C}, {"FR-IDF", "باريس", "ar", C}, {"FR-ARA", "Lyon", "", C},
    {"FR-PAC", "Marseille", "", C}, {"FR-OCC", "Toulouse", "", C},
    {"ES-MD", "Madrid", "", C}, {"ES-MD", "مدريد", "ar", C}, {"ES-CT", "Barcelona", "", C},
    {"ES-CT", "Barcelone", "fr", C}, {"ES-AN", "Sevilla", "es", C}, {"ES-AN", "Séville", "fr", C},
    {"ES-AN", "Algeciras", "es", C},
    {"GB-ENG", "London", "en", C}, {"GB-ENG", "Londres", "fr", C}, {"GB-ENG", "لندن", "ar", C},
    {"AE-DU", "Dubai", "en", C}, {"AE-DU", "Dubaï", "fr", C}, {"AE-DU", "دبي", "ar", C},
    {"AE-AZ", "Abu Dhabi", "en", C}, {"AE-AZ", "Abou Dhabi", "fr", C}, {"AE-AZ", "أبوظبي", "ar", C},
    {"AE-AZ", "أبو ظبي", "ar", C},
    {"EG-C", "Cairo", "en", C}, {"EG-C", "Le Caire", "fr", C}, {"EG-C", "القاهرة", "ar", C},
    {"GH-AA", "Accra", "", C}, {"DE-BY", "Bavaria", "en", N}, {"DE-BY", "Bavière", "fr", N},
    {"DE-BY", "Munich", "", C}, {"ES-CT", "Catalonia", "en", N}, {"ES-CT", "Catalogne", "fr", N},
    {"ES-AN", "Andalusia", "en", N}, {"ES-AN", "Andalousie", "fr", N}, {"ZA-GP", "Johannesburg", "", C},
    {"TR-34", "Istanbul", "", C}, {"TR-34", "إسطنبول", "ar", C}, {"SA-01", "Riyadh", "en", C},
    {"SA-01", "Riyad", "fr", C}, {"SA-01", "الرياض", "ar", C}, {"SA-02", "Jeddah", "en", C},
    {"SA-02", "Djeddah", "fr", C}, {"SA-02", "جدة", "ar", C}, {"QA-DA", "Doha", "", C},
    {"QA-DA", "الدوحة", "ar", C}, {"IT-MI", "Milan", "", C}, {"IT-RM", "Rome", "", C},
    {"PT-11", "Lisbon", "en", C}, {"PT-11", "Lisbonne", "fr", C}, {"BE-BRU", "Brussels", "en", C},
    {"BE-BRU", "Bruxelles", "fr", C}, {"BE-BRU", "بروكسل", "ar", C}, {"NL-NH", "Amsterdam", "", C},
    {"KR-11", "Seoul", "en", C}, {"KR-11", "Séoul", "fr", C}, {"CA-ON", "Toronto", "", C},
    {"CA-QC", "Montréal", "", C}, {"JP-13", "طوكيو", "ar", C},
};

constexpr ParentFix kParentFixes[] = {
    // iso-codes 4.15 lists these under the wrong region; the 2015 decree (décret n° 2-15-40)
    // puts Chtouka-Aït Baha in Souss-Massa and Nouaceur in Casablanca-Settat.
    {"MA-CHT", "MA-09", "Chtouka-Aït Baha is in Souss-Massa"},
    {"MA-NOU", "MA-06", "Nouaceur is in Casablanca-Settat"},
};

constexpr const char* kNotInRunningText[] = {
    "central", "centre", "center", "centro", "north", "south", "east", "west", "northern",
    "southern", "eastern", "western", "nord", "sud", "est", "ouest", "norte", "sur", "oeste",
    "este", "capital", "plateau", "plateaux", "delta", "lakes", "coast", "littoral", "maritime",
    "interior", "upper", "lower", "middle", "islands", "island", "federal", "national", "union",
    "mountain", "valley", "border", "reading", "bury", "down", "grand est", "ville", "la", "le",
    "el", "al", "as", "an", "ash", "ar", "ad", "be", "ha", "ma", "ta", "to", "go", "do", "mi",
    "ca", "ba", "si", "mon", "para", "var", "ain", "lot", "cher", "manche", "somme", "gard",
    "orne", "marne", "santa", "sao", "oro", "gold", "hill", "sea", "highland", "south east",
    "north east", "north west", "south west", "centre est", "centre nord", "centre sud",
    "centre ouest", "haut", "bas", "tata", "victoria", "distrito federal", "federal district",
    "capital district", "paul", "gulf", "bay", "meta", "imo", "rivers", "acre", "sides",
    "البيضاء",
};
}  // namespace

std::span<const Entry> world() { return kWorld; }
std::span<const ParentFix> parent_fixes() { return kParentFixes; }
std::span<const char* const> not_in_running_text() { return kNotInRunningText; }

}  // namespace pledgedb::geo::curated
