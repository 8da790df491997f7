#pragma once

// Word lists for the catalog generator. Changing any of them changes every generated catalog
// (names, sizes, benchmark results): append rather than edit, and note it in the benchmark log.
namespace Gantry::Bench::Vocabulary {

inline constexpr const char *domainWords[] = {
    "payments", "checkout", "identity",  "search",  "logistics", "inventory",   "marketing", "analytics",
    "platform", "security", "messaging", "billing", "catalog",   "fulfillment", "customer",  "media",
    "growth",   "risk",     "data",      "mobile",  "pricing",   "loyalty",     "support",   "compliance",
    "travel",   "ads",      "content",   "partner", "finance",   "people",
};

inline constexpr const char *systemNouns[] = {
    "ledger",          "gateway",    "cart",       "orders",  "profile",   "auth",        "notifications",
    "recommendations", "reporting",  "scheduler",  "router",  "sync",      "ingest",      "warehouse",
    "tracking",        "portal",     "rewards",    "fraud",   "invoicing", "settlement",  "subscriptions",
    "returns",         "shipping",   "onboarding", "consent", "audit",     "experiments", "feeds",
    "insights",        "storefront", "quotes",     "refunds", "payouts",   "tax",         "accounts",
    "sessions",        "campaigns",  "coupons",    "reviews", "assets",
};

inline constexpr const char *componentRoles[] = {
    "api",        "service",    "web",      "worker",    "consumer",  "producer",  "scheduler",    "gateway",
    "adapter",    "exporter",   "importer", "bff",       "admin",     "cli",       "sdk",          "lib",
    "ui",         "mobile-app", "indexer",  "notifier",  "processor", "validator", "cache-warmer", "migrator",
    "reconciler", "aggregator", "proxy",    "dashboard", "client",    "jobs",
};

inline constexpr const char *systemTypes[] = {"product", "service", "feature-set", "platform"};

inline constexpr const char *animals[] = {
    "falcons", "otters", "badgers", "lynx",    "ravens",   "wolves",   "herons", "foxes",
    "owls",    "bison",  "cobras",  "dingos",  "eagles",   "geckos",   "hawks",  "ibex",
    "jackals", "koalas", "lemurs",  "mantis",  "narwhals", "ocelots",  "pandas", "quokkas",
    "rhinos",  "sharks", "tapirs",  "urchins", "vipers",   "walruses", "yaks",   "zebras",
};

inline constexpr const char *firstNames[] = {
    "maria", "james", "wei",    "aisha",  "lukas", "sofia",  "noah",  "priya", "mateo",  "yuki",   "olivia", "ahmed",
    "elena", "david", "fatima", "chen",   "emma",  "ravi",   "lucas", "amara", "hannah", "omar",   "ines",   "jonas",
    "leila", "marco", "nina",   "pablo",  "sara",  "tomas",  "anna",  "ben",   "chloe",  "diego",  "eva",    "felix",
    "grace", "hugo",  "iris",   "jin",    "kofi",  "lena",   "mila",  "nadia", "oscar",  "paula",  "quinn",  "rosa",
    "samir", "tara",  "uma",    "victor", "wanda", "xavier", "yara",  "zoe",   "arjun",  "bianca", "carlos", "dana",
};

inline constexpr const char *lastNames[] = {
    "garcia",   "smith",   "zhang",    "khan",    "muller", "rossi",   "johnson", "patel",  "lopez",   "tanaka",
    "brown",    "hassan",  "petrov",   "cohen",   "ali",    "wang",    "wilson",  "sharma", "silva",   "okafor",
    "schmidt",  "haddad",  "ferreira", "berg",    "rahimi", "bianchi", "novak",   "ruiz",   "nilsson", "dvorak",
    "kowalski", "nguyen",  "martin",   "fischer", "jensen", "moreau",  "kim",     "park",   "sato",    "ivanova",
    "mendes",   "oconnor", "quinn",    "romero",  "santos", "torres",  "weber",   "young",  "adams",   "baker",
    "clark",    "evans",   "foster",   "gray",    "hughes", "irwin",   "jones",   "kelly",  "lewis",   "moore",
};

inline constexpr const char *tags[] = {
    "java",      "kotlin",     "go",    "python", "typescript", "javascript",  "react",  "grpc",
    "kafka",     "postgres",   "mysql", "redis",  "graphql",    "spring-boot", "nodejs", "rust",
    "terraform", "pci",        "gdpr",  "tier-1", "tier-2",     "internal",    "public", "beta",
    "monolith",  "serverless", "aws",   "gcp",    "kubernetes", "batch",
};

inline constexpr const char *objects[] = {
    "payment intents",     "customer profiles", "order events",       "shipment labels",  "price quotes",
    "search indexes",      "refund requests",   "feature flags",      "session tokens",   "invoice documents",
    "inventory snapshots", "loyalty points",    "audit records",      "email templates",  "product listings",
    "tax rates",           "fraud scores",      "subscription plans", "ledger entries",   "warehouse slots",
    "payment methods",     "delivery windows",  "consent records",    "campaign budgets", "user preferences",
};

inline constexpr const char *objectNouns[] = {
    "payment", "customer", "order",  "shipment", "quote",   "refund", "invoice", "session", "product", "voucher",
    "account", "review",   "ticket", "booking",  "listing", "report", "device",  "address", "balance", "transfer",
};

inline constexpr const char *verbs[] = {
    "Validates", "Stores",  "Aggregates", "Publishes", "Enriches",   "Routes",  "Caches",
    "Exports",   "Imports", "Indexes",    "Schedules", "Reconciles", "Renders", "Serves",
};

inline constexpr const char *stages[] = {
    "creation", "checkout", "authorization", "capture", "settlement", "archival", "dispatch", "review",
};

inline constexpr const char *consumers[] = {
    "the mobile apps", "partner integrations", "internal dashboards",    "the storefront",
    "batch jobs",      "the data platform",    "customer support tools",
};

inline constexpr const char *protocols[] = {"REST", "gRPC", "GraphQL", "Kafka", "webhooks", "SQS queues"};

struct ResourceKind
{
    const char *type;
    const char *suffix;
};
inline constexpr ResourceKind resourceKinds[] = {
    {"database", "-db"},
    {"database", "-replica-db"},
    {"s3-bucket", "-bucket"},
    {"kafka-topic", "-events"},
    {"redis-cache", "-cache"},
    {"queue", "-queue"},
    {"elasticsearch-index", "-index"},
    {"kubernetes-cluster", "-cluster"},
};

inline constexpr const char *templateLanguages[] = {
    "go", "java", "kotlin", "python", "node", "react", "rust", "dotnet", "scala", "terraform",
};
inline constexpr const char *templateKinds[] = {
    "service", "library", "website", "worker", "lambda", "cli", "docs", "pipeline",
};

} // namespace Gantry::Bench::Vocabulary
