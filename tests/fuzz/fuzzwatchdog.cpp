#include "tests/fuzz/fuzzwatchdog.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>

#if GANTRY_FUZZ_SANITIZED && __has_include(<sanitizer/common_interface_defs.h>)
#include <sanitizer/common_interface_defs.h>
#define GANTRY_FUZZ_DEATH_CALLBACK 1
#endif

namespace Gantry::Fuzz {

namespace {

// Plain globals: the signal handler may only touch lock-free atomics and a static buffer.
std::atomic<quint64> g_seed{0};
std::atomic<qint64> g_input{-1};
std::atomic<qint64> g_inputStartMs{0};
char g_message[256];

qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void writeCurrentInput(const char *what)
{
    const qint64 input = g_input.load();
    if (input < 0) {
        return; // a seed or a fixed test: QtTest's output names it
    }
    const int n = std::snprintf(g_message, sizeof g_message,
                                "\nfuzz_catalog: %s on input #%lld; reproduce with GANTRY_FUZZ_SEED=%llu "
                                "GANTRY_FUZZ_ONLY=%lld (GANTRY_FUZZ_DUMP=<file> writes it out)\n",
                                what, static_cast<long long>(input), static_cast<unsigned long long>(g_seed.load()),
                                static_cast<long long>(input));
    if (n > 0) {
        [[maybe_unused]] const auto written = ::write(2, g_message, size_t(std::min<int>(n, sizeof g_message - 1)));
    }
}

extern "C" void onFatalSignal(int signal)
{
    writeCurrentInput("crashed");
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

#ifdef GANTRY_FUZZ_DEATH_CALLBACK
extern "C" void onSanitizerDeath()
{
    writeCurrentInput("sanitizer report");
}
#endif

} // namespace

Watchdog::Watchdog(quint64 seed, qint64 hangAfterMs)
    : m_hangAfterMs(hangAfterMs)
{
    g_seed = seed;
#ifdef GANTRY_FUZZ_DEATH_CALLBACK
    // ASan reports SEGV and friends itself (with a stack trace): taking them over would lose that.
    __sanitizer_set_death_callback(onSanitizerDeath);
    for (const int signal : {SIGABRT, SIGILL}) {
        std::signal(signal, onFatalSignal);
    }
#else
    for (const int signal : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) {
        std::signal(signal, onFatalSignal);
    }
#endif
    m_thread = std::thread([this] { run(); });
}

Watchdog::~Watchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Watchdog::begin(qint64 input)
{
    g_inputStartMs = nowMs();
    g_input = input;
}

qint64 Watchdog::end()
{
    g_input = -1;
    return nowMs() - g_inputStartMs.load();
}

void Watchdog::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, std::chrono::milliseconds(200), [this] { return m_stop; })) {
        if (g_input.load() >= 0 && nowMs() - g_inputStartMs.load() > m_hangAfterMs) {
            writeCurrentInput("hung");
            std::abort();
        }
    }
}

} // namespace Gantry::Fuzz
