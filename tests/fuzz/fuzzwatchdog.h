#pragma once

// Crash and hang reporting for fuzz_catalog: when the process dies on a signal, a sanitizer
// report or a hang, it says which input it was running, so that GANTRY_FUZZ_ONLY reruns it.

#include <QtGlobal>

#include <condition_variable>
#include <mutex>
#include <thread>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GANTRY_FUZZ_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define GANTRY_FUZZ_SANITIZED 1
#endif
#ifndef GANTRY_FUZZ_SANITIZED
#define GANTRY_FUZZ_SANITIZED 0
#endif

namespace Gantry::Fuzz {

// True in the ASan+UBSan build, where everything runs 5-20x slower.
constexpr bool sanitized = GANTRY_FUZZ_SANITIZED != 0;

// One per process. Installs the signal handlers and the sanitizer death callback, and runs a
// watchdog thread that aborts (naming the input) when one input runs longer than `hangAfterMs`:
// a hang then fails fast and says why, instead of running into CTest's timeout.
class Watchdog final
{
public:
    Watchdog(quint64 seed, qint64 hangAfterMs);
    ~Watchdog();
    Watchdog(const Watchdog &) = delete;
    Watchdog &operator=(const Watchdog &) = delete;

    void begin(qint64 input); // input >= 0: its number among the mutated inputs
    qint64 end();             // milliseconds since begin()

private:
    void run();

    qint64 m_hangAfterMs;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace Gantry::Fuzz
