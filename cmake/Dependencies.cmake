# Third-party code: Dear ImGui 1.90.1 and md4c 0.5.2 are compiled from source for
# native and web alike. scripts/bootstrap unpacks Debian's source packages into deps/;
# without them (another OS), CMake downloads the upstream release tarballs pinned by hash.
include(FetchContent)

set(DISARM_DEPS_DIR "${PROJECT_SOURCE_DIR}/deps" CACHE PATH "Where scripts/bootstrap unpacks ImGui and md4c")

if(EXISTS "${DISARM_DEPS_DIR}/md4c-release-0.5.2/src/md4c.h")
  set(md4c_SOURCE_DIR "${DISARM_DEPS_DIR}/md4c-release-0.5.2")
else()
  message(STATUS "md4c: ${DISARM_DEPS_DIR} has no sources, downloading the 0.5.2 release")
  FetchContent_Declare(md4c
    URL https://github.com/mity/md4c/archive/refs/tags/release-0.5.2.tar.gz
    URL_HASH SHA256=55d0111d48fb11883aaee91465e642b8b640775a4d6993c2d0e7a8092758ef21)
  FetchContent_Populate(md4c)
endif()

# md4c's own CMake installs and builds md2html; we need only the parser, and its table of
# HTML5's named character references (entity.c), which core/src/html_entity.cpp reads.
add_library(md4c STATIC "${md4c_SOURCE_DIR}/src/md4c.c" "${md4c_SOURCE_DIR}/src/entity.c")
target_include_directories(md4c SYSTEM PUBLIC "${md4c_SOURCE_DIR}/src")
set_target_properties(md4c PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON)

if(EMSCRIPTEN)
  # nlohmann-json is header-only, but Emscripten's toolchain confines find_package to its
  # sysroot, and adding all of /usr/include would shadow the sysroot's libc headers. So the
  # build links just the nlohmann/ folder into a directory of its own.
  find_path(DISARM_NLOHMANN_INCLUDE nlohmann/json.hpp PATHS /usr/include /usr/local/include NO_CMAKE_FIND_ROOT_PATH)
  if(NOT DISARM_NLOHMANN_INCLUDE)
    message(FATAL_ERROR "nlohmann/json.hpp not found: run scripts/bootstrap (Debian package nlohmann-json3-dev)")
  endif()
  set(nlohmann_dir "${CMAKE_BINARY_DIR}/nlohmann-include")
  file(MAKE_DIRECTORY "${nlohmann_dir}")
  file(CREATE_LINK "${DISARM_NLOHMANN_INCLUDE}/nlohmann" "${nlohmann_dir}/nlohmann" SYMBOLIC)
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE "${nlohmann_dir}")
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
endif()

if(EMSCRIPTEN)
  if(EXISTS "${DISARM_DEPS_DIR}/imgui-1.90.1/imgui.h")
    set(imgui_SOURCE_DIR "${DISARM_DEPS_DIR}/imgui-1.90.1")
  else()
    message(STATUS "imgui: ${DISARM_DEPS_DIR} has no sources, downloading the 1.90.1 release")
    FetchContent_Declare(imgui
      URL https://github.com/ocornut/imgui/archive/refs/tags/v1.90.1.tar.gz
      URL_HASH SHA256=21dcc985bb2ae8fe48047c86135dbc438d6980a8f2e08babbda5be820592f282)
    FetchContent_Populate(imgui)
  endif()
  add_library(imgui STATIC
    "${imgui_SOURCE_DIR}/imgui.cpp"
    "${imgui_SOURCE_DIR}/imgui_draw.cpp"
    "${imgui_SOURCE_DIR}/imgui_tables.cpp"
    "${imgui_SOURCE_DIR}/imgui_widgets.cpp"
    "${imgui_SOURCE_DIR}/misc/cpp/imgui_stdlib.cpp"
    "${imgui_SOURCE_DIR}/backends/imgui_impl_glfw.cpp"
    "${imgui_SOURCE_DIR}/backends/imgui_impl_opengl3.cpp")
  target_include_directories(imgui SYSTEM PUBLIC "${imgui_SOURCE_DIR}" "${imgui_SOURCE_DIR}/backends"
                                                 "${imgui_SOURCE_DIR}/misc/cpp")
  # WebGL2 is OpenGL ES 3. The demo and debug windows would only add to the wasm.
  target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3 IMGUI_DISABLE_OBSOLETE_FUNCTIONS
                                          IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS)
  target_link_options(imgui PUBLIC -sUSE_GLFW=3 -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2)
endif()
