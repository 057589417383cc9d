/*
 * app: the interactive window. One context struct owns everything (the
 * events, the basemap, the view, the timeline, the filter, the ui state);
 * the loop polls input, maps it to commands, applies them, and draws a
 * frame from the state only when something changed (idle otherwise).
 */
#ifndef SAHELMAP_APP_H
#define SAHELMAP_APP_H

typedef struct AppOptions {
    int width, height;        /* initial window size (0: 1280x800) */
    const char *shots_dir;    /* where screenshots go (NULL: $SAHELMAP_SHOTS
                                 or the current directory) */
} AppOptions;

/* Opens the window on the files (the bundled data when nfiles is 0) and
 * runs until the user quits. Returns the process exit status: 0 after a
 * normal quit, 1 when the window cannot be opened. */
int app_run(char **files, int nfiles, const AppOptions *options);

#endif
