/*
 * nodlclose: a test-only shim for the sanitizer build's window tests. SDL
 * loads its X11 libraries with dlopen and unloads them at exit; memory
 * those libraries keep then shows as leaks of an "unknown module" that no
 * suppression can name. With dlclose a no-op they stay mapped, their leaks
 * are attributed to them and suppressed (tests/lsan.supp), and leaks in
 * sahelmap's own code still fail the test.
 */
int dlclose(void *handle);

int dlclose(void *handle)
{
    (void)handle;
    return 0;
}
