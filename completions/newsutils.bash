# Bash completion for the newsutils programs.  `make install` puts this
# file under each program's name in share/bash-completion/completions,
# where bash-completion looks a command up the first time it is completed;
# sourced by hand (`. completions/newsutils.bash`) it covers them all.
# Options are read from the program's own --help, so a new option or a new
# program needs no change here; only option values are known below.

_newsutils_list()	# complete a comma-separated list of words
{
	local cur=$1 words=$2 head=
	[[ $cur == *,* ]] && head=${cur%,*},
	COMPREPLY=($(compgen -P "$head" -W "$words" -- "${cur##*,}"))
	compopt -o nospace 2>/dev/null
}

_newsutils()
{
	local cmd=$1 cur=${COMP_WORDS[COMP_CWORD]} opt=${COMP_WORDS[COMP_CWORD-1]}

	# --opt=value comes as three words: --opt, =, value
	if [[ $cur == = ]]; then
		opt=${COMP_WORDS[COMP_CWORD-1]} cur=
	elif [[ $opt == = && $COMP_CWORD -ge 2 ]]; then
		opt=${COMP_WORDS[COMP_CWORD-2]}
	fi
	case $opt in
	--lang)
		COMPREPLY=($(compgen -W 'vi en auto' -- "$cur")); return ;;
	--lexicon-dir)
		COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
	-o|--output|--model|--page-model|--data)
		COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
	-t|--types)
		_newsutils_list "$cur" 'person place organisation position date time money percent url email phone'
		return ;;
	-f|--fields|--explode)
		_newsutils_list "$cur" 'id source line title date time dateline author agency url body images related boilerplate entities warnings'
		return ;;
	-s|--separator|--null|--date|--seed|--epochs)
		return ;;
	esac
	if [[ $cur == -* ]]; then
		local opts
		opts=$("$cmd" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*=\{0,1\}' | sort -u)
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		[[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
	else
		COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null
	fi
}

if [[ ${BASH_SOURCE[0]##*/} == newsutils.bash ]]; then
	complete -F _newsutils split-article strip-boilerplate extract-entities to-tsv newsutils-train
else
	complete -F _newsutils "${BASH_SOURCE[0]##*/}"
fi
