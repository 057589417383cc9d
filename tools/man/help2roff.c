/*
 * help2roff: turns `sahelmap --help` into the sahelmap(1) man page, so the
 * two cannot drift: the build runs the program it just built and pipes its
 * help through this, into a template that adds the man page's own header
 * and its FILES and SEE ALSO sections.
 *
 *   sahelmap --help | help2roff TEMPLATE > sahelmap.1
 *
 * The help's layout (said above usage() in src/main.c): its first line is
 * "sahelmap VERSION: WHAT" (the NAME section), a line "Heading:" at column
 * 0 starts a section, "  HEAD  TEXT" with TEXT at column 32 is a term (a
 * head too long for that has its line to itself, its text on the next lines
 * at column 32; among terms, a line indented by two is a term of its own),
 * another line indented by two is paragraph text, and an empty line ends
 * a paragraph or a list of terms. The template's line "%HELP%" is replaced by
 * the converted help, between the comments ".\" help begins" and
 * ".\" help ends" that tests/man_test.sh reads back.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_COLUMN 32              /* where a term's description starts */
#define MAX_LINES 4096

typedef struct Lines {
    char *line[MAX_LINES];
    int count;
} Lines;

static bool read_lines(FILE *in, Lines *l)
{
    char buf[1024];
    l->count = 0;
    while (fgets(buf, sizeof buf, in) != NULL) {
        size_t n = strlen(buf);
        if (n > 0 && buf[n - 1] == '\n') buf[--n] = '\0';
        if (l->count == MAX_LINES) return false;
        l->line[l->count] = malloc(n + 1);
        if (l->line[l->count] == NULL) return false;
        memcpy(l->line[l->count++], buf, n + 1);
    }
    return !ferror(in);
}

/* Text for roff: backslashes escaped, a hyphen that starts an option (or
 * follows one) as the minus sign \-, a leading dot or quote neutralised. */
static void put_text(FILE *out, const char *s)
{
    if (s[0] == '.' || s[0] == '\'') fputs("\\&", out);
    for (const char *c = s; *c; c++) {
        char prev = c == s ? ' ' : c[-1];
        if (*c == '\\') fputs("\\e", out);
        else if (*c == '-' && strchr(" [(|,-", prev) != NULL) fputs("\\-", out);
        else fputc(*c, out);
    }
}

static bool is_heading(const char *s)
{
    size_t n = strlen(s);
    return n > 1 && s[0] != ' ' && s[n - 1] == ':';
}

static bool indented(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] != ' ') return false;
    return s[n] != ' ' && s[n] != '\0';
}

/* "  HEAD  TEXT": the head ends in two spaces just before TEXT_COLUMN. */
static bool is_term(const char *s)
{
    return indented(s, 2) && strlen(s) > TEXT_COLUMN && s[TEXT_COLUMN - 1] == ' ' &&
           s[TEXT_COLUMN - 2] == ' ' && s[TEXT_COLUMN] != ' ';
}

static void put_head(FILE *out, const char *s, size_t len)
{
    while (len > 0 && s[len - 1] == ' ') len--;
    char head[256];
    snprintf(head, sizeof head, "%.*s", (int)len, s);
    fputs(".TP\n\\fB", out);
    put_text(out, head);
    fputs("\\fR\n", out);
}

static void put_help(FILE *out, const Lines *l)
{
    fputs(".\\\" help begins\n.SH NAME\n", out);
    const char *what = strstr(l->line[0], ": ");
    fputs("sahelmap \\- ", out);
    put_text(out, what ? what + 2 : l->line[0]);
    fputc('\n', out);
    bool in_paragraph = false, after_heading = false, in_terms = false;
    for (int i = 1; i < l->count; i++) {
        const char *s = l->line[i];
        if (s[0] == '\0') {
            in_paragraph = in_terms = false;
        } else if (is_heading(s)) {
            char name[128];
            size_t n = strlen(s) - 1, k = 0;
            for (; k < n && k < sizeof name - 1; k++) name[k] = (char)toupper((unsigned char)s[k]);
            name[k] = '\0';
            fprintf(out, ".SH %s\n", strcmp(name, "USAGE") == 0 ? "SYNOPSIS" : name);
            in_paragraph = in_terms = false;
            after_heading = true;
        } else if (is_term(s)) {
            put_head(out, s + 2, TEXT_COLUMN - 2);
            put_text(out, s + TEXT_COLUMN);
            fputc('\n', out);
            in_paragraph = in_terms = true;
        } else if (indented(s, 2) && ((i + 1 < l->count && indented(l->line[i + 1], TEXT_COLUMN)) ||
                                      in_terms)) {
            put_head(out, s + 2, strlen(s + 2));       /* a long head, or one alone */
            in_paragraph = in_terms = true;
        } else if (indented(s, TEXT_COLUMN) || indented(s, 2)) {
            if (!in_paragraph && !after_heading) fputs(".PP\n", out);
            put_text(out, s + (indented(s, TEXT_COLUMN) ? TEXT_COLUMN : 2));
            fputc('\n', out);
            in_paragraph = true;
        } else {
            put_text(out, s);                          /* not in the layout: as is */
            fputc('\n', out);
        }
        if (s[0] != '\0' && !is_heading(s)) after_heading = false;
    }
    fputs(".\\\" help ends\n", out);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: sahelmap --help | help2roff TEMPLATE > sahelmap.1\n");
        return 2;
    }
    Lines help;
    if (!read_lines(stdin, &help) || help.count == 0) {
        fprintf(stderr, "help2roff: no help text on standard input\n");
        return 1;
    }
    FILE *t = fopen(argv[1], "r");
    if (t == NULL) {
        perror(argv[1]);
        return 1;
    }
    char buf[1024];
    bool placed = false;
    while (fgets(buf, sizeof buf, t) != NULL) {
        if (strcmp(buf, "%HELP%\n") == 0) {
            put_help(stdout, &help);
            placed = true;
        } else {
            fputs(buf, stdout);
        }
    }
    fclose(t);
    for (int i = 0; i < help.count; i++) free(help.line[i]);
    if (!placed) fprintf(stderr, "help2roff: %s has no %%HELP%% line\n", argv[1]);
    return placed && fflush(stdout) == 0 ? 0 : 1;
}
