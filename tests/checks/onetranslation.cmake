# SPDX-License-Identifier: MIT
# Fails on a translation helper of the kinds ui/ and db/ once had nine of: a
# free or static function or a lambda named tr/trr/trm, or a direct
# QCoreApplication::translate call. The one spelling is a small class with
# Q_DECLARE_TR_FUNCTIONS(context), called as Context::tr("…") (ui/uitext.h),
# so lupdate files every text under the context it is looked up in.
#   cmake -DROOT=<source dir> -DDIRS=ui,db -P onetranslation.cmake
cmake_minimum_required(VERSION 3.21)
if(NOT ROOT OR NOT DIRS)
    message(FATAL_ERROR "usage: cmake -DROOT=<source dir> -DDIRS=ui,db -P onetranslation.cmake")
endif()
string(REPLACE "," ";" DIRS "${DIRS}")
set(found "")
set(count 0)
foreach(dir IN LISTS DIRS)
    file(GLOB_RECURSE sources "${ROOT}/${dir}/*.cpp" "${ROOT}/${dir}/*.h")
    foreach(source IN LISTS sources)
        math(EXPR count "${count} + 1")
        file(STRINGS "${source}" lines REGEX
             "(Q(Core|Gui)?Application::translate *\\(|QString +tr[rm]? *\\(|auto +tr[rm]? *= *\\[)")
        foreach(line IN LISTS lines)
            file(RELATIVE_PATH shown "${ROOT}" "${source}")
            string(STRIP "${line}" line)
            string(APPEND found "\n  ${shown}: ${line}")
        endforeach()
    endforeach()
endforeach()
if(found)
    message(FATAL_ERROR "Translate outside a QObject with a Q_DECLARE_TR_FUNCTIONS class "
                        "(see ui/uitext.h), not with:${found}")
endif()
message(STATUS "${count} files, one spelling of translation")
