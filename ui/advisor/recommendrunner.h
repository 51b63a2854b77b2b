// SPDX-License-Identifier: MIT
#pragma once
// Runs core recommend() in a worker thread for the window: progress and the
// result come back to the GUI thread through queued calls; cancel is an atomic
// flag the sweep polls. When nothing passes, a second sweep without the budget
// (or the power limit) finds what to relax.

#include "assumptions.h"
#include "catalog.h"
#include "platform.h"
#include "recommend.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace llm::ui {

// What the sweep found out when no priced build passed within the limits.
struct RelaxHint {
    // Cheapest price of a passing build with the budget lifted (power limit kept).
    std::optional<double> cheapestWithoutBudgetEur;
    // Some build passes when the power limit is lifted (budget kept).
    bool passesWithoutPowerLimit = false;
    // Lowest power at load among passing builds with the power limit lifted.
    std::optional<units::Power> lowestPowerWithoutLimit;
};

class RecommendRunner final : public QObject {
    Q_OBJECT
public:
    explicit RecommendRunner(QObject *parent = nullptr);
    // Cancels a running sweep and waits for its thread.
    ~RecommendRunner() override;

    bool isRunning() const { return m_thread != nullptr; }
    // Starts a sweep; refused (false) while one runs. Everything is copied.
    bool start(const Catalog &catalog, const PlatformRules &rules, const RecommendRequest &request,
               const Assumptions &assumptions);
    // Asks the sweep to stop; finished(true) follows with an empty result.
    void cancel();
    // Blocks until the worker has ended (tests, shutdown). Does not deliver finished().
    void wait();

    // The last finished sweep (empty while running and after a cancel).
    const RecommendResult &result() const { return m_result; }
    const RelaxHint &hint() const { return m_hint; }
    const RecommendRequest &request() const { return m_request; }

signals:
    void progressChanged(double fraction); // 0..1
    void finished(bool cancelled);

private:
    struct Outcome {
        RecommendResult result;
        RelaxHint hint;
    };
    void deliver(const std::shared_ptr<Outcome> &outcome);

    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    RecommendRequest m_request;
    RecommendResult m_result;
    RelaxHint m_hint;
};

} // namespace llm::ui
