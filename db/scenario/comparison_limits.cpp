// SPDX-License-Identifier: MIT
#include "comparison_limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <string>

namespace llm::scenario {
namespace {

using namespace Qt::StringLiterals;

// "10,000": the C locale, but with its thousands separator (C omits it by default).
QString count(qsizetype n) {
    QLocale english = QLocale::c();
    english.setNumberOptions(QLocale::DefaultNumberOptions);
    return english.toString(static_cast<qlonglong>(n));
}

ScenarioError tooMany(const QString &field, qsizetype n, const QString &what, int limit) {
    return {field,
            count(n) + u' ' + what + u"; a comparison in the window or a report holds at most "_s +
                QString::number(limit) +
                u" (split it into several files; llmadvisor-cli estimate takes any number)"_s};
}

ScenarioError tooLong(const QString &field, qsizetype length, int limit) {
    return {field, count(length) + u" characters; at most "_s + count(limit) +
                       u" fit in a comparison the window shows or reports"_s};
}

bool isFreeText(const QString &key) {
    return key == u"notes" || key == u"description" || key == u"source" || key == u"purpose" ||
           key == u"decision" || key == u"attendees";
}

// Depth-first over the document; the first string value over its limit wins.
// QJsonDocument has already refused documents nested deeper than it allows.
std::optional<ScenarioError> checkStrings(const QJsonValue &value, const QString &path, int limit) {
    if (value.isString()) {
        const qsizetype n = value.toString().size();
        if (n > limit)
            return tooLong(path, n, limit);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (auto e = checkStrings(array.at(i), path + u'[' + QString::number(i) + u']',
                                      kMaxNameLength))
                return e;
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it.key().startsWith(u'_'))
                continue; // a comment: never shown, never parsed
            const QString child = path.isEmpty() ? it.key() : path + u'.' + it.key();
            if (auto e = checkStrings(it.value(), child,
                                      isFreeText(it.key()) ? kMaxTextLength : kMaxNameLength))
                return e;
        }
    }
    return std::nullopt;
}

std::optional<ScenarioError> checkName(const std::string &text, const QString &field,
                                       int limit = kMaxNameLength) {
    // Characters as the file counts them (UTF-16), not bytes.
    const qsizetype n = QString::fromStdString(text).size();
    if (n > limit)
        return tooLong(field, n, limit);
    return std::nullopt;
}

} // namespace

std::optional<ScenarioError> checkComparisonLimits(const QByteArray &json) {
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return std::nullopt; // not a scenario at all: parseScenario says why
    const QJsonObject root = document.object();
    const QJsonArray builds = root.value(u"builds"_s).toArray();
    if (builds.size() > kMaxComparisonBuilds)
        return tooMany(u"builds"_s, builds.size(), u"builds"_s, kMaxComparisonBuilds);
    const QJsonArray useCases = root.value(u"use_cases"_s).toArray();
    if (useCases.size() > kMaxComparisonUseCases)
        return tooMany(u"use_cases"_s, useCases.size(), u"use cases"_s, kMaxComparisonUseCases);
    return checkStrings(root, QString(), kMaxNameLength);
}

std::optional<ScenarioError> checkComparisonLimits(const Scenario &scenario) {
    if (scenario.builds.size() > static_cast<std::size_t>(kMaxComparisonBuilds))
        return tooMany(u"builds"_s, static_cast<qsizetype>(scenario.builds.size()), u"builds"_s,
                       kMaxComparisonBuilds);
    const auto &useCases = scenario.workload.useCases;
    if (useCases.size() > static_cast<std::size_t>(kMaxComparisonUseCases))
        return tooMany(u"use_cases"_s, static_cast<qsizetype>(useCases.size()), u"use cases"_s,
                       kMaxComparisonUseCases);
    if (auto e = checkName(scenario.title, u"title"_s))
        return e;
    for (std::size_t i = 0; i < scenario.builds.size(); ++i) {
        const Build &b = scenario.builds[i];
        const QString path = u"builds["_s + QString::number(i) + u']';
        if (auto e = checkName(b.name, path + u".name"_s))
            return e;
        if (auto e = checkName(b.cpu.name, path + u".cpu.name"_s))
            return e;
        for (std::size_t g = 0; g < b.gpus.size(); ++g) {
            if (auto e = checkName(b.gpus[g].gpu.name,
                                   path + u".gpus["_s + QString::number(g) + u"].model.name"_s))
                return e;
        }
        if (b.integratedGpu)
            if (auto e = checkName(b.integratedGpu->name, path + u".integrated_gpu.name"_s))
                return e;
        if (i < scenario.buildExtras.size())
            if (auto e =
                    checkName(scenario.buildExtras[i].notes, path + u".notes"_s, kMaxTextLength))
                return e;
    }
    if (auto e = checkName(scenario.model.model.name, u"model.name"_s))
        return e;
    if (auto e = checkName(scenario.model.quant.name, u"model.quant"_s))
        return e;
    for (std::size_t i = 0; i < useCases.size(); ++i) {
        const QString path = u"use_cases["_s + QString::number(i) + u']';
        if (auto e = checkName(useCases[i].id, path + u".name"_s))
            return e;
        if (auto e = checkName(useCases[i].description, path + u".description"_s, kMaxTextLength))
            return e;
    }
    return std::nullopt;
}

} // namespace llm::scenario
