#!/bin/sh
# Builds target/echoscu-VERSION-linux-x64.tar.gz (pom.xml runs it after the distribution
# archive): that archive's tree, plus
#   runtime/  a jlink runtime of JDK (the build's, or Temurin 25 when the build machine has one:
#             pom.xml) holding only the modules the jar and its libraries need, as jdeps finds
#             them, with the service providers jdeps cannot see (jdk.crypto.ec: TLS's EC keys
#             and key exchange on JDK 17); bin/.dist runs it instead of any other Java;
#   cache/    its start-up archives, made here by bin/echoscu-prepare with that runtime, when it
#             is JDK 25 or later: an AOT cache still fits after the tree is unpacked anywhere else.
#             JDK 17's CDS archives name the jar's path and would be refused elsewhere: from a
#             JDK 17 runtime the first run makes them in the user's cache, or an administrator
#             runs bin/echoscu-prepare where the archive is unpacked.
# Usage: self-contained.sh TARGET_DIR VERSION JDK_HOME
set -e
target=$1
version=$2
jdk=$3
name=echoscu-$version-linux-x64
stage=$target/self-contained
home=$stage/$name
rm -rf "$stage"
mkdir -p "$stage"
tar xzf "$target/echoscu-$version.tar.gz" -C "$stage"
mv "$stage/echoscu-$version" "$home"

release=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p')
feature=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
jars=""
for f in "$home"/lib/*.jar "$home"/lib/exporter/*.jar; do [ "$f" = "$home/lib/echoscu.jar" ] || jars="$jars${jars:+:}$f"; done
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release "$feature" \
    --class-path "$jars" "$home/lib/echoscu.jar" 2>/dev/null | tail -n 1)
case $modules in java.base*) ;; *) echo "jdeps found no modules: $modules" >&2; exit 1 ;; esac
"$jdk/bin/java" --list-modules | grep -q '^jdk\.crypto\.ec@' && modules="$modules,jdk.crypto.ec"
# the release file's JAVA_RUNTIME_VERSION names the start-up archives (bin/.dist); jlink writes no such line
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive --release-info "add:JAVA_RUNTIME_VERSION=\"$release\"" --output "$home/runtime" >/dev/null

if [ "$feature" -ge 25 ]; then
    ECHOSCU_TRAIN=no JAVA_HOME= sh "$home/bin/echoscu-prepare" >/dev/null
fi
rm -rf "$home"/cache/*.lock "$home"/cache/*.tmp.* "$home"/cache/*.failed
tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$target/$name.tar.gz" "$name"
echo "$target/$name.tar.gz: runtime $release ($modules)"
