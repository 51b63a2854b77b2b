// SPDX-License-Identifier: MIT
#pragma once
// The window's settings (QSettings, the user's INI file): every key once, with
// its type and default, and one rule for every write. A file written by a newer
// version of the program (its settingsVersion is above kSettingsFormat) is read
// for what this version understands and never written — not on exit, not by
// "Don't show again", not by the recent-files list — so going back to an older
// version and forward again loses nothing the newer one saved.

#include "theme.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QSettings>
#include <QStringList>

namespace llm::ui {

// The format this program writes (key settingsVersion). Raise it when a key
// changes its meaning; a new key alone needs no new format (older programs
// ignore keys they do not know).
inline constexpr int kSettingsFormat = 1;

// A key in the settings file, the type of its value and the value used when
// the file has none (or one that cannot be read as that type).
template <class T> struct SettingKey {
    QLatin1StringView name;
    T fallback{};
};

// Every key the window reads or writes.
namespace setting {
inline const SettingKey<int> format{QLatin1StringView("settingsVersion"), kSettingsFormat};
inline const SettingKey<QByteArray> windowGeometry{QLatin1StringView("window/geometry")};
inline const SettingKey<QByteArray> windowState{QLatin1StringView("window/state")};
inline const SettingKey<Theme> theme{QLatin1StringView("view/theme"), Theme::Light};
inline const SettingKey<QStringList> recentFiles{QLatin1StringView("files/recent")};
inline const SettingKey<bool> guideDismissed{QLatin1StringView("guide/dismissed"), false};
inline const SettingKey<bool> reportBlackAndWhite{QLatin1StringView("report/blackAndWhite"), false};
// The user's thresholds and tariff: positive numbers. Their defaults are the
// calibrated baseline's values, passed to Settings::value.
inline const SettingKey<double> maxPrefillS{QLatin1StringView("thresholds/maxPrefillS")};
inline const SettingKey<double> minGenerationTokS{
    QLatin1StringView("thresholds/minGenerationTokS")};
inline const SettingKey<double> interactivePrefillS{
    QLatin1StringView("thresholds/interactivePrefillS")};
inline const SettingKey<double> backgroundTotalS{QLatin1StringView("thresholds/backgroundTotalS")};
inline const SettingKey<double> offlineTotalS{QLatin1StringView("thresholds/offlineTotalS")};
inline const SettingKey<double> electricityEurPerKwh{
    QLatin1StringView("costs/electricityEurPerKwh")};
} // namespace setting

// The user's settings file (QSettings' default: the organisation and
// application names must be set). Short-lived, like QSettings: make one where
// it is needed.
class Settings final {
public:
    Settings();

    // The file was written by a newer version of the program: values are read,
    // nothing is written.
    bool fromNewerVersion() const { return m_newer; }
    // The file's settingsVersion (kSettingsFormat when it has none).
    int fileFormat() const;

    template <class T> T value(const SettingKey<T> &key) const { return value(key, key.fallback); }
    // The stored value, or `fallback` when there is none or it is not a valid T
    // (a number that is not finite and positive, a theme that does not exist).
    bool value(const SettingKey<bool> &key, bool fallback) const;
    int value(const SettingKey<int> &key, int fallback) const;
    double value(const SettingKey<double> &key, double fallback) const;
    Theme value(const SettingKey<Theme> &key, Theme fallback) const;
    QByteArray value(const SettingKey<QByteArray> &key, const QByteArray &fallback) const;
    QStringList value(const SettingKey<QStringList> &key, const QStringList &fallback) const;

    // Writes the value and stamps the file with kSettingsFormat; false (and
    // nothing written) for a newer version's file.
    bool setValue(const SettingKey<bool> &key, bool value);
    bool setValue(const SettingKey<double> &key, double value);
    bool setValue(const SettingKey<Theme> &key, Theme value);
    bool setValue(const SettingKey<QByteArray> &key, const QByteArray &value);
    bool setValue(const SettingKey<QStringList> &key, const QStringList &value);
    // Removes the key; false (nothing removed) for a newer version's file.
    template <class T> bool remove(const SettingKey<T> &key) { return removeKey(key.name); }

private:
    bool write(QLatin1StringView key, const QVariant &value);
    bool removeKey(QLatin1StringView key);

    QSettings m_settings;
    bool m_newer = false;
};

} // namespace llm::ui
