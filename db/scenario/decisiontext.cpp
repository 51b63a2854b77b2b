// SPDX-License-Identifier: MIT
#include "decisiontext.h"

#include <QCoreApplication>

#include <cmath>

namespace llm::scenario {
namespace {

using namespace Qt::StringLiterals;

// The translation contexts of this file's words.
struct DecisionText {
    Q_DECLARE_TR_FUNCTIONS(DecisionText)
};
struct ChangeText {
    Q_DECLARE_TR_FUNCTIONS(ChangeText)
};
struct UseCaseTitle {
    Q_DECLARE_TR_FUNCTIONS(UseCase)
};

QString number(double value, const QLocale &locale) {
    const bool whole = std::fabs(value - std::round(value)) < 1e-9;
    return locale.toString(value, 'f', whole ? 0 : 2);
}

QString gigabytes(double gb, const QLocale &locale) {
    return DecisionText::tr("%1 GB").arg(locale.toString(gb, 'f', gb >= 100 ? 0 : 1));
}

// "the need", "both needs", "all 4 needs"
QString needsPhrase(const DecisionSummary &s) {
    const auto n = static_cast<int>(s.needs.size());
    if (n == 1)
        return DecisionText::tr("the need");
    if (n == 2)
        return DecisionText::tr("both needs");
    return DecisionText::tr("all %n needs", nullptr, n);
}

QString name(const DecisionSummary &s, std::size_t index) {
    return QString::fromStdString(s.builds[index].name);
}

QString buildPrice(const DecisionSummary &s, std::size_t index, const QLocale &locale) {
    return priceText(s.builds[index].priceEur, s.builds[index].priceSource, locale);
}

QString fixClause(const BuildDecision &b, std::size_t index, const QLocale &locale,
                  const FixWording &wording) {
    const CheapestFix &f = *b.cheapestFix;
    const QString total = f.newTotalSource == PriceSource::Quote
                              ? DecisionText::tr("%1 EUR (quote + estimated change)")
                                    .arg(number(f.newTotalEur, locale))
                              : priceText(f.newTotalEur, PriceSource::Estimate, locale);
    return DecisionText::tr("%1 would, for %2 in all, with one change: %3 (+%4).")
        .arg(QString::fromStdString(b.name), total,
             wording ? wording(index, f) : QString::fromStdString(f.description),
             priceText(f.costEur, PriceSource::Estimate, locale));
}

const GpuGroup *firstGpu(const Build &b) {
    for (const GpuGroup &g : b.gpus)
        if (g.count > 0)
            return &g;
    return nullptr;
}

// "Add a second RTX 5090": the count after the change.
QString ordinalAdd(int count, const QString &gpu) {
    switch (count) {
    case 2:
        return ChangeText::tr("Add a second %1").arg(gpu);
    case 3:
        return ChangeText::tr("Add a third %1").arg(gpu);
    case 4:
        return ChangeText::tr("Add a fourth %1").arg(gpu);
    default:
        return ChangeText::tr("Add one more %1 (%2 in all)").arg(gpu).arg(count);
    }
}

} // namespace

QString changeText(WhatIfChange change, const Build &before, const Build &after,
                   const ModelChoice &modelBefore, const ModelChoice &modelAfter,
                   const QLocale &locale) {
    const auto mts = [&](units::TransferRate r) {
        return ChangeText::tr("%1 MT/s").arg(
            locale.toString(units::inMegatransfersPerSecond(r), 'f', 0));
    };
    const auto bits = [&](const Quantization &q) {
        return locale.toString(q.bitsPerWeight, 'f', 1);
    };
    switch (change) {
    case WhatIfChange::FasterMemory:
        return ChangeText::tr("Faster memory: %1 instead of %2")
            .arg(mts(after.memory.speed), mts(before.memory.speed));
    case WhatIfChange::AllChannels:
        return ChangeText::tr("Memory in every channel: %1 channels instead of %2 (%3 in all)")
            .arg(after.memory.channels)
            .arg(before.memory.channels)
            .arg(gigabytes(units::inGigabytes(after.memory.capacity), locale));
    case WhatIfChange::OneMoreGpu: {
        const GpuGroup *g = firstGpu(after);
        return ordinalAdd(g ? g->count : 0, firstGpuName(before));
    }
    case WhatIfChange::LargerGpu:
    case WhatIfChange::SmallerGpu: {
        const GpuGroup *g = firstGpu(before);
        const int count = g ? g->count : 1;
        const QString from = firstGpuName(before), to = firstGpuName(after);
        if (change == WhatIfChange::LargerGpu)
            return count > 1 ? ChangeText::tr("Swap each %1 for a larger %2").arg(from, to)
                             : ChangeText::tr("Swap the %1 for a larger %2").arg(from, to);
        return count > 1 ? ChangeText::tr("Swap each %1 for a smaller %2").arg(from, to)
                         : ChangeText::tr("Swap the %1 for a smaller %2").arg(from, to);
    }
    case WhatIfChange::QuantUp:
        return ChangeText::tr("Use a higher-quality model file (%1 bits per weight instead of %2)")
            .arg(bits(modelAfter.quant), bits(modelBefore.quant));
    case WhatIfChange::QuantDown:
        return ChangeText::tr(
                   "Use a smaller, lower-quality model file (%1 bits per weight instead of %2)")
            .arg(bits(modelAfter.quant), bits(modelBefore.quant));
    case WhatIfChange::DoubleContext:
        return ChangeText::tr("If every prompt and answer were twice as long");
    }
    return {};
}

std::function<QString(std::size_t, const CheapestFix &)>
plainFixWording(std::vector<Build> builds, ModelChoice model, const QLocale &locale) {
    return [builds = std::move(builds), model = std::move(model), locale](std::size_t index,
                                                                          const CheapestFix &fix) {
        if (index >= builds.size())
            return QString::fromStdString(fix.description);
        return changeText(fix.change, builds[index], fix.build, model, model, locale);
    };
}

QString firstGpuName(const Build &b) {
    const GpuGroup *g = firstGpu(b);
    return g ? QString::fromStdString(g->gpu.name) : QString();
}

const QLocale &englishLocale() {
    static const QLocale locale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

QString priceText(const std::optional<double> &eur, PriceSource source, const QLocale &locale) {
    if (!eur || source == PriceSource::Unknown)
        return DecisionText::tr("price unknown");
    if (source == PriceSource::Quote)
        return DecisionText::tr("%1 EUR (quote)").arg(number(*eur, locale));
    return DecisionText::tr("≈ %1 EUR").arg(number(roundEstimateEur(*eur), locale));
}

QString needTitle(const UseCase &u) {
    if (const char *title = seedUseCaseTitle(u))
        return UseCaseTitle::tr(title);
    return QString::fromStdString(u.id);
}

QString needText(const UseCase &u, const QLocale &locale) {
    const QString tokens =
        DecisionText::tr("%1 tokens in / %2 out")
            .arg(locale.toString(std::lround(units::inTokens(u.promptTokens))),
                 locale.toString(std::lround(units::inTokens(u.generatedTokens))));
    const QString id = QString::fromStdString(u.id);
    if (seedUseCaseTitle(u))
        return DecisionText::tr("%1 (%2, %3)").arg(needTitle(u), id, tokens);
    return DecisionText::tr("%1 (%2)").arg(id, tokens);
}

QString needsMetText(const BuildDecision &b, const QLocale &locale) {
    if (!b.fits)
        return DecisionText::tr("does not fit: needs %1, has %2")
            .arg(gigabytes(b.memoryNeededGb, locale), gigabytes(b.memoryHasGb, locale));
    const QString met = DecisionText::tr("%1 of %2").arg(b.needsMet).arg(b.needsTotal);
    if (b.couldMiss > 0)
        return DecisionText::tr("%1 (%n could miss)", nullptr, b.couldMiss).arg(met);
    return met;
}

QString decisionSentence(const DecisionSummary &s, const QLocale &locale,
                         const FixWording &wording) {
    if (s.builds.empty())
        return {};
    const QString model = DecisionText::tr("%1 %2").arg(QString::fromStdString(s.modelName),
                                                        QString::fromStdString(s.quantName));
    std::vector<std::size_t> passing;
    for (std::size_t i = 0; i < s.builds.size(); ++i)
        if (s.builds[i].meetsAll())
            passing.push_back(i);

    QString sentence;
    if (s.fitsNowhere()) {
        double largest = 0;
        for (const BuildDecision &b : s.builds)
            largest = std::max(largest, b.memoryHasGb);
        sentence =
            DecisionText::tr("%1 fits in none of the builds: it needs %2, the largest has %3.")
                .arg(model, gigabytes(s.builds.front().memoryNeededGb, locale),
                     gigabytes(largest, locale));
    } else if (passing.empty()) {
        sentence = DecisionText::tr("For %1 no build meets %2.").arg(model, needsPhrase(s));
    } else {
        const QString cheapest = s.cheapestMeetingAll
                                     ? DecisionText::tr("%1 at %2")
                                           .arg(name(s, *s.cheapestMeetingAll),
                                                buildPrice(s, *s.cheapestMeetingAll, locale))
                                     : DecisionText::tr("none of them with a known price");
        if (passing.size() == 1 && s.builds.size() > 1)
            sentence = DecisionText::tr("For %1 only %2 meets %3, at %4.")
                           .arg(model, name(s, passing.front()), needsPhrase(s),
                                buildPrice(s, passing.front(), locale));
        else if (passing.size() == s.builds.size())
            sentence = DecisionText::tr("For %1 every build meets %2; the cheapest is %3.")
                           .arg(model, needsPhrase(s), cheapest);
        else
            sentence = DecisionText::tr("For %1, %2 of %3 builds meet %4; the cheapest is %5.")
                           .arg(model)
                           .arg(passing.size())
                           .arg(s.builds.size())
                           .arg(needsPhrase(s), cheapest);
    }
    for (std::size_t i = 0; i < s.builds.size(); ++i)
        if (s.builds[i].cheapestFix)
            sentence += u' ' + fixClause(s.builds[i], i, locale, wording);
    return sentence;
}

QStringList badgeLines(const DecisionSummary &s) {
    QStringList lines;
    if (s.cheapestMeetingAll)
        lines << DecisionText::tr("Cheapest that meets every need: %1.")
                     .arg(name(s, *s.cheapestMeetingAll));
    if (s.bestValue)
        lines << DecisionText::tr(
                     "Best value: %1 (lowest price per tok/s of writing speed among the builds "
                     "that meet every need).")
                     .arg(name(s, *s.bestValue));
    if (s.mostHeadroom)
        lines << DecisionText::tr(
                     "Most headroom: %1 (furthest above the targets in its closest use case).")
                     .arg(name(s, *s.mostHeadroom));
    return lines;
}

QString optionsHeading(const DecisionSummary &s) {
    return s.options.empty() ? QString()
                             : DecisionText::tr("Options that would meet %1:").arg(needsPhrase(s));
}

QStringList optionLines(const DecisionSummary &s, const QLocale &locale) {
    QStringList lines;
    for (const DecisionOption &o : s.options) {
        const QString what = QString::fromStdString(o.what);
        const QString where = QString::fromStdString(o.buildName);
        const QString price = priceText(o.priceEur, o.priceSource, locale);
        switch (o.kind) {
        case OptionKind::SmallerQuantization:
            lines << DecisionText::tr("the same model at %1: %2 does, at %3.")
                         .arg(what, where, price);
            break;
        case OptionKind::SmallerModel:
            lines << DecisionText::tr("a smaller model of the same family, %1: %2 does, at %3.")
                         .arg(what, where, price);
            break;
        case OptionKind::CatalogueBuild:
            lines << DecisionText::tr("the cheapest build from the catalogue that does: %1, at %2.")
                         .arg(what, price);
            break;
        }
    }
    return lines;
}

QString priceBasisText() {
    return DecisionText::tr(
        "Estimated prices: US list prices converted to EUR, excluding VAT, rounded; quotes "
        "as typed.");
}

QString decisionText(const DecisionSummary &s, const QLocale &locale, const FixWording &wording) {
    if (s.builds.empty())
        return {};
    QStringList lines{decisionSentence(s, locale, wording)};
    lines << badgeLines(s);
    if (!s.options.empty()) {
        lines << optionsHeading(s);
        for (const QString &line : optionLines(s, locale))
            lines << u"  - "_s + line;
    }
    lines << priceBasisText();
    return lines.join(u'\n') + u'\n';
}

} // namespace llm::scenario
