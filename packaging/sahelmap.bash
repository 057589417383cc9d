# bash completion for sahelmap. The commands, options and option values
# are read from `sahelmap --help` when completing, so they cannot drift
# from the program. Installed as share/bash-completion/completions/sahelmap.

# The options of a --help section ("Export options:"), one a line.
_sahelmap_section_options()
{
    awk -v want="$1" '
        /^[^ ].*:$/ { on = ($0 == want) }
        on && /^  -/ {
            h = substr($0, 3); sub(/  .*/, "", h)
            n = split(h, t, /,? /)
            for (i = 1; i <= n; i++) if (t[i] ~ /^-/) print t[i]
        }' <<<"$2"
}

# The argument an option takes in --help ("WxH", "laea|albers|..."), or
# nothing for a flag or an option the help does not list.
_sahelmap_option_arg()
{
    awk -v want="$1" '
        /^  -/ {
            h = substr($0, 3); sub(/  .*/, "", h)
            n = split(h, t, /,? /)
            for (i = 1; i < n; i++) if (t[i] == want && t[n] !~ /^-/) { print t[n]; exit }
        }
        /^  sahelmap / {
            for (i = 1; i < NF; i++) if ($i == "[" want) { a = $(i + 1); sub(/\]$/, "", a); print a; exit }
        }' <<<"$2"
}

_sahelmap()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local help
    help=$("${COMP_WORDS[0]}" --help 2>/dev/null) || return 0
    COMPREPLY=()

    local cmd="" i w
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        case $w in
            -q|--quiet|-v|--verbose) ;;
            info|export) cmd=$w; break ;;
            *) break ;;
        esac
    done

    if ((COMP_CWORD > 1)) && [[ $prev == -* ]]; then
        local arg
        arg=$(_sahelmap_option_arg "$prev" "$help")
        case $arg in
            "") ;;
            *"|"*) mapfile -t COMPREPLY < <(compgen -W "${arg//|/ }" -- "$cur"); return 0 ;;
            OUT.png) compopt -o filenames 2>/dev/null
                     mapfile -t COMPREPLY < <(compgen -d -- "$cur"; compgen -f -X '!*.[pP][nN][gG]' -- "$cur")
                     return 0 ;;
            DIR) compopt -o filenames 2>/dev/null
                 mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return 0 ;;
            *) return 0 ;;          # a value to type: a date, a box, a title
        esac
    fi

    if [[ $cur == -* ]]; then
        local opts
        case $cmd in
            info) opts=$(_sahelmap_section_options "Options of info and export:" "$help"
                         _sahelmap_section_options "Info options:" "$help"; echo --help) ;;
            export) opts=$(_sahelmap_section_options "Options of info and export:" "$help"
                           _sahelmap_section_options "Export options:" "$help"; echo --help) ;;
            *) opts=$(_sahelmap_section_options "Export options:" "$help"
                      grep -o '\[--[a-z-]*' <<<"$help" | tr -d '['
                      echo --help --version -q --quiet -v --verbose) ;;
        esac
        mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
        return 0
    fi

    compopt -o filenames 2>/dev/null
    local files f
    files=$(compgen -d -- "$cur"
            compgen -f -- "$cur" | while IFS= read -r f; do
                case ${f,,} in *.json|*.csv|*.geojson|*.zip|*.gz|*.bz2|*.xz) printf '%s\n' "$f" ;; esac
            done)
    if [[ -z $cmd ]]; then
        files+=$'\n'$(compgen -W "$(awk '/^  sahelmap [a-z]/ { print $2 }' <<<"$help")" -- "$cur")
    fi
    mapfile -t COMPREPLY < <(grep -v '^$' <<<"$files" | sort -u)
    return 0
}
complete -F _sahelmap sahelmap
