/* The shell's pieces: a line is lexed into tokens, the tokens parsed into
 * pipelines one at a time, and each pipeline run. */
#ifndef SH_H
#define SH_H

#include <stdbool.h>
#include <sys/types.h>

#define MAX_TOKENS 64
#define MAX_ARGS 32
#define MAX_COMMANDS 8

enum token_kind { TOK_WORD, TOK_PIPE, TOK_IN, TOK_OUT, TOK_APPEND, TOK_SEMI, TOK_AMP };

/* Where the lexer saw a $ outside single quotes. */
#define VAR_MARK '\x01'

struct token {
	enum token_kind kind;
	char *word;	/* TOK_WORD only; owned by the token */
};

struct command {
	char *argv[MAX_ARGS + 1];
	int argc;
	const char *in, *out;	/* NULL: inherited */
	bool append;
};

struct pipeline {
	struct command cmds[MAX_COMMANDS];
	int ncmds;
	bool background;
};

/* The state $? and $! read. */
extern int last_status;
extern pid_t last_background;

int lex(const char *line, struct token *toks);
void free_tokens(struct token *toks, int n);
/* Replaces each word of p by an expanded copy; free_expanded() frees
 * the copies. */
void expand_pipeline(struct pipeline *p);
void free_expanded(struct pipeline *p);
int parse_pipeline(const struct token *toks, int n, int *pos, struct pipeline *p);
void run_pipeline(const struct pipeline *p);
/* -1 when argv[0] is not a built-in, else its status. */
int run_builtin(char *const argv[]);
int status_of(int wait_status);

#endif
