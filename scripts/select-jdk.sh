# Sourced by ./faultline and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# JAVA_HOME wins when it is one; otherwise the newest JDK 21+ found on the machine (java on PATH included).

java_major() { # prints the major version of the JDK in $1, or nothing
    local release="$1/release" version=""
    if [ -f "$release" ]; then
        version=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release")
    elif [ -x "$1/bin/java" ]; then
        version=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
    fi
    echo "$version"
}

select_jdk() {
    local candidate major best="" best_major=0
    if [ -n "${JAVA_HOME:-}" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
        return 0
    fi
    local on_path=""
    if command -v java >/dev/null 2>&1; then
        on_path=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    fi
    for candidate in "$on_path" /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
                     /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
            best="$candidate"
            best_major="$major"
        fi
    done
    if [ -z "$best" ]; then
        echo "Faultline needs a JDK 21 or newer: install one, or set JAVA_HOME to it." >&2
        return 1
    fi
    export JAVA_HOME="$best"
}
