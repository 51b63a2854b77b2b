// SPDX-License-Identifier: MIT
// The window's settings (see settings.h).
#include "settings.h"

#include <cmath>

namespace llm::ui {

Settings::Settings() {
    m_newer = fileFormat() > kSettingsFormat;
}

int Settings::fileFormat() const {
    return value(setting::format, kSettingsFormat);
}

bool Settings::value(const SettingKey<bool> &key, bool fallback) const {
    const QVariant v = m_settings.value(key.name);
    return v.isValid() ? v.toBool() : fallback;
}

int Settings::value(const SettingKey<int> &key, int fallback) const {
    bool ok = false;
    const int v = m_settings.value(key.name).toInt(&ok);
    return ok ? v : fallback;
}

double Settings::value(const SettingKey<double> &key, double fallback) const {
    bool ok = false;
    const double v = m_settings.value(key.name).toDouble(&ok);
    return ok && std::isfinite(v) && v > 0 ? v : fallback; // a damaged value: the default
}

Theme Settings::value(const SettingKey<Theme> &key, Theme fallback) const {
    bool ok = false;
    const int v = m_settings.value(key.name).toInt(&ok);
    if (!ok)
        return fallback;
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark}) {
        if (v == static_cast<int>(t))
            return t;
    }
    return fallback;
}

QByteArray Settings::value(const SettingKey<QByteArray> &key, const QByteArray &fallback) const {
    const QVariant v = m_settings.value(key.name);
    return v.isValid() ? v.toByteArray() : fallback;
}

QStringList Settings::value(const SettingKey<QStringList> &key, const QStringList &fallback) const {
    const QVariant v = m_settings.value(key.name);
    return v.isValid() ? v.toStringList() : fallback;
}

bool Settings::setValue(const SettingKey<bool> &key, bool value) {
    return write(key.name, value);
}

bool Settings::setValue(const SettingKey<double> &key, double value) {
    return write(key.name, value);
}

bool Settings::setValue(const SettingKey<Theme> &key, Theme value) {
    return write(key.name, static_cast<int>(value));
}

bool Settings::setValue(const SettingKey<QByteArray> &key, const QByteArray &value) {
    return write(key.name, value);
}

bool Settings::setValue(const SettingKey<QStringList> &key, const QStringList &value) {
    return write(key.name, value);
}

bool Settings::write(QLatin1StringView key, const QVariant &value) {
    if (m_newer)
        return false;
    m_settings.setValue(setting::format.name, kSettingsFormat);
    m_settings.setValue(key, value);
    return true;
}

bool Settings::removeKey(QLatin1StringView key) {
    if (m_newer)
        return false;
    m_settings.remove(key);
    return true;
}

} // namespace llm::ui
