// SPDX-License-Identifier: MIT
// The worker-thread wrapper around recommend() used by the Find builds dialog.
#include "recommendrunner.h"

#include <QThread>

namespace llm::ui {

RecommendRunner::RecommendRunner(QObject *parent)
    : QObject(parent) {}

RecommendRunner::~RecommendRunner() {
    if (m_cancel)
        m_cancel->store(true);
    wait();
}

bool RecommendRunner::start(const Catalog &catalog, const PlatformRules &rules,
                            const RecommendRequest &request, const Assumptions &assumptions) {
    if (m_thread)
        return false;
    m_request = request;
    m_result = RecommendResult{};
    m_hint = RelaxHint{};
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancel;
    // The worker owns copies of its inputs; it touches `this` only through queued
    // calls, which Qt drops if the runner is gone (the destructor waits anyway).
    m_thread = QThread::create([this, cancel, catalog, rules, request, assumptions] {
        auto outcome = std::make_shared<Outcome>();
        outcome->result = recommend(
            catalog, rules, request, assumptions, cancel.get(), [this, cancel](double fraction) {
                if (cancel->load())
                    return;
                QMetaObject::invokeMethod(
                    this, [this, fraction] { emit progressChanged(fraction); },
                    Qt::QueuedConnection);
            });
        const RecommendResult &r = outcome->result;
        const bool noFront = !r.cancelled && r.problem.empty() && r.front.empty();
        const bool nothing = noFront && r.unpriced.empty();
        if (noFront && request.budgetEur && !cancel->load()) {
            RecommendRequest lifted = request;
            lifted.budgetEur.reset();
            lifted.top = 1;
            const RecommendResult again =
                recommend(catalog, rules, lifted, assumptions, cancel.get());
            if (!again.front.empty())
                outcome->hint.cheapestWithoutBudgetEur = again.front.front().cost.priceEur;
        }
        if (nothing && request.maxPower && !cancel->load()) {
            RecommendRequest lifted = request;
            lifted.maxPower.reset();
            lifted.top = 0;
            const RecommendResult again =
                recommend(catalog, rules, lifted, assumptions, cancel.get());
            outcome->hint.passesWithoutPowerLimit = !again.front.empty() || !again.unpriced.empty();
            for (const auto *list : {&again.front, &again.unpriced})
                for (const Recommendation &rec : *list)
                    if (!outcome->hint.lowestPowerWithoutLimit ||
                        rec.cost.powerAtLoad < *outcome->hint.lowestPowerWithoutLimit)
                        outcome->hint.lowestPowerWithoutLimit = rec.cost.powerAtLoad;
        }
        if (cancel->load()) {
            // Never a partial answer: a cancel during the hint sweeps cancels all.
            outcome->result = RecommendResult{};
            outcome->result.cancelled = true;
            outcome->hint = RelaxHint{};
        }
        QMetaObject::invokeMethod(
            this, [this, outcome] { deliver(outcome); }, Qt::QueuedConnection);
    });
    m_thread->start();
    return true;
}

void RecommendRunner::cancel() {
    if (m_cancel)
        m_cancel->store(true);
}

void RecommendRunner::wait() {
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void RecommendRunner::deliver(const std::shared_ptr<Outcome> &outcome) {
    wait(); // the worker has posted its last call: the thread ends now
    m_result = std::move(outcome->result);
    m_hint = outcome->hint;
    if (m_result.cancelled) {
        m_result.front.clear();
        m_result.unpriced.clear();
    }
    emit finished(m_result.cancelled);
}

} // namespace llm::ui
