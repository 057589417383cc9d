/*
 * test_export: the PNG export path with SDL's software renderer, no
 * display. Events land where PROJ puts them under the --bbox fit; golden
 * images (compared per pixel with a stated tolerance outside the scene's
 * own text, as SDL's own render tests do: on failure the actual, expected
 * and difference images are written to the build's tests/ folder); atomic
 * writes that never touch an input file.
 *
 * SAHELMAP_UPDATE_GOLDEN=1 rewrites the golden images (then look at them).
 */
#include "testutil.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <dirent.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <time.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/sysmacros.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "basemap.h"
#include "bundled.h"
#include "export.h"
#include "render.h"
#include "scene.h"
#include "vector.h"
#include "view.h"

static EventSet set;
static Basemap map;
static FrameData drawn_from;                /* the two above, no inputs */

static int setup(void **state)
{
    (void)state;
    int status = load_towns_and_basemap(&set, &map);
    Proj laea;
    proj_init(&laea, PROJ_LAEA);
    basemap_project(&map, &laea);              /* export draws it as it is */
    drawn_from = (FrameData){.set = &set, .map = &map, .event_credit = "Events: test fixture"};
    return status;
}

static int teardown(void **state)
{
    (void)state;
    free_towns_and_basemap(&set, &map);
    return 0;
}

/* A figure of the fixture's box and dates. */
static Figure request(int w, int h, bool bare)
{
    Figure req;
    figure_init(&req);
    req.width = w;
    req.height = h;
    req.fit = FIGURE_FIT_BBOX;
    const double bbox[4] = {-12, 8, 8, 24};
    memcpy(req.bbox, bbox, sizeof bbox);
    req.day0 = set.day[0];
    req.day1 = set.day[set.count - 1];
    req.bare = bare;
    return req;
}

/* What the figures are drawn from; inputs: files never to be written. */
static FrameData data_with(char *const *inputs, int ninputs)
{
    return (FrameData){.set = &set, .map = &map, .event_credit = "Events: test fixture",
                        .inputs = inputs, .ninputs = ninputs};
}

static uint32_t pixel(SDL_Surface *s, int x, int y)
{
    return ((uint32_t *)((uint8_t *)s->pixels + y * s->pitch))[x];
}

/* ---- position ----------------------------------------------------------- */

/* PROJ's x, y for (lon, lat) from tests/fixtures/proj/laea.txt. */
static bool proj_table(double lon, double lat, double *x, double *y)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/proj/laea.txt", FIXTURES_DIR);
    FILE *f = fopen(path, "r");
    char line[256];
    bool found = false;
    while (!found && f && fgets(line, sizeof line, f)) {
        double a, b;
        if (sscanf(line, "%lf %lf %lf %lf", &a, &b, x, y) == 4 &&
            fabs(a - lon) < 1e-9 && fabs(b - lat) < 1e-9)
            found = true;
    }
    if (f) fclose(f);
    return found;
}

static void test_events_land_where_proj_puts_them(void **state)
{
    (void)state;
    /* The fit, recomputed from PROJ's own projection of the box outline. */
    char path[1024];
    snprintf(path, sizeof path, "%s/proj/laea_bbox_outline.txt", FIXTURES_DIR);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    double x0 = DBL_MAX, y0 = DBL_MAX, x1 = -DBL_MAX, y1 = -DBL_MAX, x, y, lon, lat;
    char line[256];
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "%lf %lf %lf %lf", &lon, &lat, &x, &y) == 4) {
            x0 = fmin(x0, x); y0 = fmin(y0, y); x1 = fmax(x1, x); y1 = fmax(y1, y);
        }
    fclose(f);
    const int W = 800, H = 600;
    double mpp = fmax((x1 - x0) / W, (y1 - y0) / H), cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;

    Figure req = request(W, H, true);
    View v;
    frame_view(&set, &req, NULL, &v);
    Error err;
    SDL_Surface *img = export_draw(&drawn_from, &req, NULL, &err);
    assert_non_null(img);
    for (size_t i = 0; i < set.count; i++) {
        double px, py;
        if (!proj_table(events_lon(&set, i), events_lat(&set, i), &px, &py))
            fail_msg("no PROJ value for %s", events_text(&set, i, TEXT_ID));
        double ex = W / 2.0 + (px - cx) / mpp, ey = H / 2.0 - (py - cy) / mpp;
        double sx, sy;
        assert_true(view_lonlat_to_screen(&v, events_lon(&set, i), events_lat(&set, i), &sx, &sy));
        if (fabs(sx - ex) > 1 || fabs(sy - ey) > 1)
            fail_msg("%s at (%.2f, %.2f), PROJ says (%.2f, %.2f)",
                     events_text(&set, i, TEXT_ID), sx, sy, ex, ey);
        /* And the picture agrees: a dot's centre pixel has its colour. */
        if (events_geo_prec(&set, i) >= 3) continue;
        uint32_t want = scene_type_color((EventType)set.type[i]);
        uint32_t got = pixel(img, (int)lround(ex), (int)lround(ey));
        for (int sh = 0; sh <= 16; sh += 8) {
            int a = (int)((want >> sh) & 0xFF), b = (int)((got >> sh) & 0xFF);
            if (abs(a - b) > 48)
                fail_msg("%s: pixel %08x, marker colour %08x",
                         events_text(&set, i, TEXT_ID), got, want);
        }
    }
    SDL_FreeSurface(img);
}

/* ---- golden images ------------------------------------------------------ */

/*
 * A golden image is compared pixel by pixel, except where the scene put
 * text. The mask is every ITEM_TEXT item and every map label of the Scene
 * that drew the actual image (export_draw), grown by the label halo
 * (render's halo_px: round(1.7 x scale), at least 1) and 2 px more for a
 * glyph's overhang and antialiasing. Inside it, nothing is compared: how
 * FreeType rasterises a glyph differs between font and library versions,
 * and that must not fail the test.
 *
 * Outside it, every pixel must match within GOLDEN_CHANNEL_TOLERANCE in
 * each of R, G and B, and not one pixel may exceed it. 24 of 255 (about
 * 9 %) absorbs what may legitimately wobble in the rest of the picture:
 * rounding in SDL's software blending of semi-transparent panels and
 * sprites (1-3 levels), and Cairo's antialiasing coverage on basemap and
 * marker edges after a minor library update (a pixel's coverage moving by
 * a few percent). It is far below anything that is drawn or not drawn: a
 * border, a marker, a scale-bar segment or the north arrow's ink against
 * the basemap differ by 60 to 200 levels, so removing any piece of
 * furniture fails, while no count of "a few bad pixels" is allowed that
 * a small symbol could hide in.
 */
#define GOLDEN_CHANNEL_TOLERANCE 24

/* Marks in mask (w x h bytes) the boxes of the scene's text, grown by pad. */
static void mask_box(uint8_t *mask, int w, int h, float x, float y, float bw, float bh,
                     float pad)
{
    int x0 = (int)floorf(x - pad), y0 = (int)floorf(y - pad);
    int x1 = (int)ceilf(x + bw + pad), y1 = (int)ceilf(y + bh + pad);
    if (x0 < 0) x0 = 0;
    if (y0 < 0) y0 = 0;
    if (x1 > w) x1 = w;
    if (y1 > h) y1 = h;
    for (int yy = y0; yy < y1; yy++)
        for (int xx = x0; xx < x1; xx++) mask[(size_t)yy * w + xx] = 1;
}

/* The text mask of scene for a w x h image; the caller frees it. Returns
 * the share of the image masked in *share. */
static uint8_t *text_mask(const Scene *scene, int w, int h, double *share)
{
    uint8_t *mask = calloc((size_t)w * h, 1);
    assert_non_null(mask);
    float halo = fmaxf(1.0f, roundf(1.7f * scene->scale));
    float pad = halo + 2;
    for (size_t i = 0; i < scene->nlabels; i++) {
        const SceneLabel *l = &scene->labels[i];
        mask_box(mask, w, h, l->x, l->y, l->w, l->h, pad);
    }
    for (size_t i = 0; i < scene->nitems; i++) {
        const SceneItem *it = &scene->items[i];
        if (it->kind != ITEM_TEXT) continue;
        const SceneLabel *l = &it->u.text;
        mask_box(mask, w, h, l->x, l->y, l->w, l->h, pad);
    }
    size_t n = 0;
    for (size_t k = 0; k < (size_t)w * h; k++) n += mask[k];
    *share = (double)n / ((double)w * h);
    return mask;
}

/* Counts unmasked pixels with a channel off by more than the tolerance and
 * the largest difference seen there; draws the diff image: such pixels
 * red, masked text blue, the rest the actual image dimmed. */
static size_t compare(SDL_Surface *a, SDL_Surface *b, const uint8_t *mask,
                      SDL_Surface *diff, int *worst_out)
{
    size_t bad = 0;
    int worst_all = 0;
    for (int y = 0; y < a->h; y++)
        for (int x = 0; x < a->w; x++) {
            uint32_t p = pixel(a, x, y), q = pixel(b, x, y), out;
            int worst = 0;
            for (int sh = 0; sh <= 16; sh += 8)
                worst = fmax(worst, abs((int)((p >> sh) & 0xFF) - (int)((q >> sh) & 0xFF)));
            if (mask[(size_t)y * a->w + x]) {
                out = 0xFF000000u | ((p >> 2) & 0x3F3F3Fu) | 0x60u;
            } else if (worst > GOLDEN_CHANNEL_TOLERANCE) {
                bad++;
                out = 0xFFFF0000u;
            } else {
                out = 0xFF000000u | ((p >> 2) & 0x3F3F3Fu);
            }
            if (!mask[(size_t)y * a->w + x] && worst > worst_all) worst_all = worst;
            ((uint32_t *)((uint8_t *)diff->pixels + y * diff->pitch))[x] = out;
        }
    *worst_out = worst_all;
    return bad;
}

/* Compares actual (drawn from scene) with tests/golden/<name>.png; on a
 * mismatch writes <name>-actual, -expected and -diff.png to the build's
 * tests/ folder and fails. */
static void check_golden(const char *name, SDL_Surface *actual, const Scene *scene)
{
    char golden[1024], out[1024];
    snprintf(golden, sizeof golden, "%s/%s.png", GOLDEN_DIR, name);
    const char *update = getenv("SAHELMAP_UPDATE_GOLDEN");
    if (update != NULL && update[0] == '1') {
        assert_int_equal(IMG_SavePNG(actual, golden), 0);
        return;
    }
    SDL_Surface *loaded = IMG_Load(golden);
    if (loaded == NULL) fail_msg("missing golden image %s", golden);
    SDL_Surface *expected = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(loaded);
    assert_int_equal(expected->w, actual->w);
    assert_int_equal(expected->h, actual->h);
    SDL_Surface *diff = SDL_CreateRGBSurfaceWithFormat(0, actual->w, actual->h, 32,
                                                       SDL_PIXELFORMAT_ARGB8888);
    double masked = 0;
    uint8_t *mask = text_mask(scene, actual->w, actual->h, &masked);
    /* A mask over most of the picture would compare nothing. */
    assert_true(masked < 0.25);
    int worst = 0;
    size_t bad = compare(actual, expected, mask, diff, &worst);
    print_message("%s: %.1f%% masked as text; largest difference elsewhere %d/255\n",
                  name, masked * 100, worst);
    free(mask);
    if (bad > 0) {
        snprintf(out, sizeof out, "%s/%s-actual.png", OUTPUT_DIR, name);
        IMG_SavePNG(actual, out);
        snprintf(out, sizeof out, "%s/%s-expected.png", OUTPUT_DIR, name);
        IMG_SavePNG(expected, out);
        snprintf(out, sizeof out, "%s/%s-diff.png", OUTPUT_DIR, name);
        IMG_SavePNG(diff, out);
        fail_msg("%s: %zu pixels outside text differ by more than %d/255 (largest %d); "
                 "see %s/%s-*.png", name, bad, GOLDEN_CHANNEL_TOLERANCE, worst,
                 OUTPUT_DIR, name);
    }
    SDL_FreeSurface(diff);
    SDL_FreeSurface(expected);
}

static void test_golden_map(void **state)
{
    (void)state;
    Figure req = request(480, 360, true);
    Error err;
    Scene scene;
    SDL_Surface *img = export_draw(&drawn_from, &req, &scene, &err);
    assert_non_null(img);
    assert_true(scene.nlabels > 0);              /* town labels to mask */
    check_golden("map-480x360", img, &scene);
    scene_free(&scene);
    SDL_FreeSurface(img);
}

static void test_golden_with_furniture(void **state)
{
    (void)state;
    Figure req = request(800, 450, false);
    snprintf(req.title, sizeof req.title, "Golden test");
    req.graticule = true;
    Error err;
    Scene scene;
    SDL_Surface *img = export_draw(&drawn_from, &req, &scene, &err);
    assert_non_null(img);
    check_golden("furniture-800x450", img, &scene);
    scene_free(&scene);
    SDL_FreeSurface(img);
}

/* ---- writing ------------------------------------------------------------ */

static size_t files_in(const char *dir)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    struct dirent *e;
    /* Hidden ones too: the temporaries are ".NAME.sahelmap-XXXXXX". */
    while (d && (e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    if (d) closedir(d);
    return n;
}

static void test_writes_are_atomic_and_safe(void **state)
{
    (void)state;
    char dir[] = "/tmp/sahelmap-export-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char out[1200], input[1200];
    snprintf(out, sizeof out, "%s/map.png", dir);
    snprintf(input, sizeof input, "%s/events.json", dir);

    FILE *f = fopen(out, "w");                       /* an older file */
    fputs("old", f);
    fclose(f);
    Figure req = request(320, 200, false);
    snprintf(req.output, sizeof req.output, "%s", out);
    Error err;
    assert_true(export_png(&drawn_from, &req, &err));
    SDL_Surface *back = IMG_Load(out);
    assert_non_null(back);
    assert_int_equal(back->w, 320);
    assert_int_equal(back->h, 200);
    SDL_FreeSurface(back);
    assert_int_equal(files_in(dir), 1);              /* no temporary left */

    /* Never over an input file. */
    f = fopen(input, "w");
    fputs("{\"data\":[]}", f);
    fclose(f);
    char *inputs[1] = {input};
    snprintf(req.output, sizeof req.output, "%s", input);
    FrameData guarded = data_with(inputs, 1);
    assert_false(export_png(&guarded, &req, &err));
    assert_contains(err.msg, "refusing to overwrite an input file");
    struct stat st;
    assert_int_equal(stat(input, &st), 0);
    assert_int_equal(st.st_size, 11);

    /* Clear errors, nothing left behind. */
    snprintf(req.output, sizeof req.output, "%s", dir);
    assert_false(export_png(&drawn_from, &req, &err));
    assert_contains(err.msg, "is a directory");
    char missing[1300];
    snprintf(missing, sizeof missing, "%s/no/such/dir/map.png", dir);
    snprintf(req.output, sizeof req.output, "%s", missing);
    assert_false(export_png(&drawn_from, &req, &err));
    assert_contains(err.msg, "cannot write here");
    snprintf(req.output, sizeof req.output, "%s", out);
    req.width = 9000;
    assert_false(export_png(&drawn_from, &req, &err));
    assert_contains(err.msg, "each side must be 16 to 8192");
    assert_int_equal(files_in(dir), 2);

    unlink(out);
    unlink(input);
    rmdir(dir);
}


/* Only a regular file or a new name is ever written: the rename once put
 * a PNG in place of a FIFO, a symlink or (as root) a device node. */
static void test_only_regular_files_are_replaced(void **state)
{
    (void)state;
    char dir[] = "/tmp/sahelmap-targets-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char fifo[1200], link[1200], real[1200], dev[1200], ro[1200], kept[1200];
    snprintf(fifo, sizeof fifo, "%s/fifo.png", dir);
    snprintf(link, sizeof link, "%s/link.png", dir);
    snprintf(real, sizeof real, "%s/real.png", dir);
    snprintf(dev, sizeof dev, "%s/null.png", dir);
    snprintf(ro, sizeof ro, "%s/readonly.png", dir);
    snprintf(kept, sizeof kept, "%s/kept.png", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    FILE *f = fopen(real, "w");
    fputs("REAL", f);
    fclose(f);
    assert_int_equal(symlink(real, link), 0);
    bool have_dev = mknod(dev, S_IFCHR | 0666, makedev(1, 3)) == 0;   /* as root */
    Figure req = request(200, 120, false);
    Error err;
    struct stat st;

    snprintf(req.output, sizeof req.output, "%s", fifo);
    assert_false(export_png(&drawn_from, &req, &err));
    assert_contains(err.msg, "not a regular file");
    assert_int_equal(lstat(fifo, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));

    snprintf(req.output, sizeof req.output, "%s", link);
    assert_false(export_png(&drawn_from, &req, &err));
    assert_contains(err.msg, "a symbolic link");
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(stat(real, &st), 0);
    assert_int_equal(st.st_size, 4);

    if (have_dev) {
        snprintf(req.output, sizeof req.output, "%s", dev);
        assert_false(export_png(&drawn_from, &req, &err));
        assert_contains(err.msg, "not a regular file");
        assert_int_equal(lstat(dev, &st), 0);
        assert_true(S_ISCHR(st.st_mode));
        unlink(dev);
    }

    /* A read-only target is refused (also for root), untouched. */
    f = fopen(ro, "w");
    fputs("RO", f);
    fclose(f);
    chmod(ro, 0444);
    snprintf(req.output, sizeof req.output, "%s", ro);
    assert_false(export_png(&drawn_from, &req, &err));
    assert_contains(err.msg, "read-only");
    assert_int_equal(stat(ro, &st), 0);
    assert_int_equal(st.st_size, 2);

    /* A replaced target keeps its permissions (it became 0666 & ~umask). */
    f = fopen(kept, "w");
    fputs("OLD", f);
    fclose(f);
    chmod(kept, 0640);
    snprintf(req.output, sizeof req.output, "%s", kept);
    assert_true(export_png(&drawn_from, &req, &err));
    assert_int_equal(stat(kept, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    assert_true(st.st_size > 100);
    chmod(kept, 0604);
    assert_true(export_png(&drawn_from, &req, &err));
    assert_int_equal(stat(kept, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0604);

    assert_int_equal(files_in(dir), 5);               /* no temporaries */
    char cmd[1300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

/* A killed run's temporary is removed by the next export to that target;
 * a live writer's (locked) and other files are left alone. */
static void test_stale_temporary_removed(void **state)
{
    (void)state;
    char dir[] = "/tmp/sahelmap-stale-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char out[1200], dead[1300], live[1300], mine[1300];
    snprintf(out, sizeof out, "%s/map.png", dir);
    snprintf(dead, sizeof dead, "%s/.map.png.sahelmap-Ab12Cd", dir);
    snprintf(live, sizeof live, "%s/.map.png.sahelmap-Ef34Gh", dir);
    snprintf(mine, sizeof mine, "%s/map.png.backup", dir);
    FILE *f = fopen(dead, "w");
    fputs("half a PNG", f);
    fclose(f);
    f = fopen(mine, "w");
    fclose(f);
    int fd = open(live, O_CREAT | O_WRONLY, 0600);
    assert_true(fd >= 0);
    assert_int_equal(flock(fd, LOCK_EX), 0);
    Figure req = request(200, 120, false);
    snprintf(req.output, sizeof req.output, "%s", out);
    Error err;
    assert_true(export_png(&drawn_from, &req, &err));
    assert_false(file_exists(dead));
    assert_true(file_exists(live));
    assert_true(file_exists(mine));
    close(fd);
    char cmd[1300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

/* A new temporary directory holding map.png with "OLD" in it; writes
 * the directory into dir and the file's path into out. */
static void old_map_in_temp_dir(char *dir, char *out, size_t cap)
{
    assert_non_null(mkdtemp(dir));
    snprintf(out, cap, "%s/map.png", dir);
    FILE *f = fopen(out, "w");
    fputs("OLD", f);
    fclose(f);
}

/* A full disk: the child may write only 20 kB (RLIMIT_FSIZE), so the PNG
 * cannot be written; the old file must stay and no temporary remain. */
static void test_full_disk(void **state)
{
    (void)state;
    char dir[] = "/tmp/sahelmap-full-XXXXXX";
    char out[1200];
    old_map_in_temp_dir(dir, out, sizeof out);
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit lim = {20000, 20000};
        setrlimit(RLIMIT_FSIZE, &lim);
        Figure req = request(800, 450, false);
        snprintf(req.output, sizeof req.output, "%s", out);
        Error err;
        bool ok = export_png(&drawn_from, &req, &err);
        _exit(!ok && strstr(err.msg, "map.png") != NULL ? 0 : 1);
    }
    int status;
    waitpid(pid, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    FILE *f = fopen(out, "r");
    char buf[8] = "";
    assert_non_null(fgets(buf, sizeof buf, f));
    fclose(f);
    assert_string_equal(buf, "OLD");
    assert_int_equal(files_in(dir), 1);
    unlink(out);
    rmdir(dir);
}

/* Kill exports at random moments: the target is always either the old
 * file or a complete new PNG, never a partial one. */
static void test_killed_export_leaves_old_or_new(void **state)
{
    (void)state;
    char dir[] = "/tmp/sahelmap-kill-XXXXXX";
    char out[1200];
    old_map_in_temp_dir(dir, out, sizeof out);
    FILE *f;
    int old = 0, fresh = 0;
    srand(7);
    for (int round = 0; round < 12; round++) {
        pid_t pid = fork();
        if (pid == 0) {
            int devnull = open("/dev/null", O_WRONLY);
            dup2(devnull, 2);
            execl(SAHELMAP_PATH, "sahelmap", "export", fixture("towns.json"), "-o", out,
                  "--size", "1600x1000", (char *)NULL);
            _exit(127);
        }
        struct timespec pause = {0, (long)(rand() % 400) * 1000000L};
        nanosleep(&pause, NULL);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        f = fopen(out, "rb");
        char head[8] = {0};
        size_t n = fread(head, 1, sizeof head, f);
        fclose(f);
        if (n == 3 && memcmp(head, "OLD", 3) == 0) {
            old++;
            continue;
        }
        SDL_Surface *img = IMG_Load(out);
        if (img == NULL) fail_msg("round %d: a partial file at the target", round);
        assert_int_equal(img->w, 1600);
        assert_int_equal(img->h, 1000);
        SDL_FreeSurface(img);
        fresh++;
        f = fopen(out, "w");                     /* the old file again */
        fputs("OLD", f);
        fclose(f);
    }
    print_message("killed exports: %d left the old file, %d a complete new one\n", old, fresh);
    char cmd[1300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

/* Text from a file is drawn as it came: invalid UTF-8, control bytes and
 * empty strings in labels (tooltips, details) must draw without harm. */
static void test_hostile_text_draws_safely(void **state)
{
    (void)state;
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, 400, 200, 32,
                                                          SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = SDL_CreateSoftwareRenderer(surface);
    assert_int_equal(TTF_Init(), 0);
    Renderer r;
    Error err;
    assert_true(render_init(&r, sdl, 1.0f, &err));
    const char *texts[] = {"ok", "\xff\xfe broken \xc3", "\x01\x02\x1f ctrl\ttab\r\n",
                           "\xed\xa0\x80 surrogate", "\xe0\x80\x80 overlong", "",
                           "very long \xc3\xa9 text that goes on past the edge of the panel"};
    Scene s = {0};
    scene_reset(&s, 400, 200, 1.0f);
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        float w = 0, h = 0;
        render_measure(&r, FONT_LEGEND, texts[k], &w, &h);
        assert_true(w >= 0 && h >= 0);
        scene_add_text(&s, FONT_LEGEND, 5, 5 + 20 * (float)k, w, h, 0xFF000000u,
                       k % 2 ? 0xF0FFFFFFu : 0, texts[k]);
    }
    render_overlay(&r, &s);
    r.cache_text = true;                     /* the window's cached path too */
    render_overlay(&r, &s);
    render_overlay(&r, &s);
    scene_free(&s);
    render_free(&r);
    TTF_Quit();
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surface);
}

static void test_large_output_scales(void **state)
{
    (void)state;
    Figure req = request(3840, 2160, false);
    req.fit = FIGURE_FIT_EVENTS;             /* default: fit the events */
    Error err;
    SDL_Surface *img = export_draw(&drawn_from, &req, NULL, &err);
    assert_non_null(img);
    assert_int_equal(img->w, 3840);
    View v;
    frame_view(&set, &req, NULL, &v);
    for (size_t i = 0; i < set.count; i++) {  /* every event in the frame */
        double sx, sy;
        assert_true(view_lonlat_to_screen(&v, events_lon(&set, i), events_lat(&set, i), &sx, &sy));
        assert_true(sx > 0 && sx < 3840 && sy > 0 && sy < 2160);
    }
    SDL_FreeSurface(img);
}

/* The PDF and SVG pages have the PNG's layout: the same furniture boxes
 * (title, legend, scale bar, north arrow, credits panels), the same texts
 * at the same places, the same map labels and markers. */
static void test_vector_layout_is_the_pngs(void **state)
{
    (void)state;
    Figure req = request(1200, 800, false);
    snprintf(req.title, sizeof req.title, "Print layout");
    Scene png, page[2];
    Error err;
    SDL_Surface *img = export_draw(&drawn_from, &req, &png, &err);
    assert_non_null(img);
    SDL_FreeSurface(img);
    const VectorFormat formats[2] = {VECTOR_PDF, VECTOR_SVG};
    const char *names[2] = {"layout.pdf", "layout.svg"};
    for (int k = 0; k < 2; k++) {
        snprintf(req.output, sizeof req.output, "%s/%s", OUTPUT_DIR, names[k]);
        assert_true(vector_export(&drawn_from, &req, formats[k], &page[k], &err));
        const Scene *v = &page[k];
        assert_int_equal(v->nitems, png.nitems);
        size_t rects = 0;
        for (size_t i = 0; i < png.nitems; i++) {
            const SceneItem *a = &png.items[i], *b = &v->items[i];
            assert_int_equal(a->kind, b->kind);
            if (a->kind == ITEM_RECT) {
                rects++;
                assert_float_equal(a->u.rect.x, b->u.rect.x, 0.01);
                assert_float_equal(a->u.rect.y, b->u.rect.y, 0.01);
                assert_float_equal(a->u.rect.w, b->u.rect.w, 0.01);
                assert_float_equal(a->u.rect.h, b->u.rect.h, 0.01);
            } else if (a->kind == ITEM_TEXT) {
                assert_string_equal(scene_text(&png, a->u.text.text), scene_text(v, b->u.text.text));
                assert_float_equal(a->u.text.x, b->u.text.x, 0.01);
                assert_float_equal(a->u.text.y, b->u.text.y, 0.01);
            }
        }
        assert_true(rects >= 5);                    /* the panels are there */
        assert_int_equal(v->nlabels, png.nlabels);
        for (size_t l = 0; l < png.nlabels; l++)
            assert_string_equal(scene_text(&png, png.labels[l].text),
                                scene_text(v, v->labels[l].text));
        assert_int_equal(v->nmarkers, png.nmarkers);
        struct stat st;
        assert_int_equal(stat(req.output, &st), 0);
        assert_true(st.st_size > 1000);
        scene_free(&page[k]);
    }
    scene_free(&png);
    /* An extension it does not write: refused, nothing written. */
    snprintf(req.output, sizeof req.output, "%s/layout.jpg", OUTPUT_DIR);
    unlink(req.output);
    assert_false(export_figure(&drawn_from, &req, &err));
    assert_contains(err.msg, "sahelmap writes .png, .pdf and .svg");
    struct stat st;
    assert_int_not_equal(stat(req.output, &st), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vector_layout_is_the_pngs),
        cmocka_unit_test(test_events_land_where_proj_puts_them),
        cmocka_unit_test(test_golden_map),
        cmocka_unit_test(test_golden_with_furniture),
        cmocka_unit_test(test_writes_are_atomic_and_safe),
        cmocka_unit_test(test_only_regular_files_are_replaced),
        cmocka_unit_test(test_stale_temporary_removed),
        cmocka_unit_test(test_full_disk),
        cmocka_unit_test(test_killed_export_leaves_old_or_new),
        cmocka_unit_test(test_hostile_text_draws_safely),
        cmocka_unit_test(test_large_output_scales),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
