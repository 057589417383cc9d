/*
 * notes: an append-only spill file of note texts. A reference packs the
 * byte offset (high 40 bits) and length (low 24 bits). See notes.h.
 */
#include "notes.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

void notes_init(NotesStore *store)
{
    memset(store, 0, sizeof *store);
}

void notes_free(NotesStore *store)
{
    if (store->file != NULL) fclose(store->file);
    free(store->mem);
    memset(store, 0, sizeof *store);
}

uint64_t notes_add(NotesStore *store, const char *s, size_t len)
{
    if (len == 0) return 0;
    if (len > NOTES_MAX_LEN) {
        len = NOTES_MAX_LEN;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80) len--;
    }
    if (!store->tried_file) {
        store->tried_file = true;
        store->file = tmpfile();
    }
    uint64_t offset = store->size;
    if (store->file != NULL) {
        if (fwrite(s, 1, len, store->file) != len) return 0;
        store->dirty = true;
    } else {
        store->mem = xgrow(store->mem, &store->mem_cap, store->size + len, 1);
        memcpy(store->mem + offset, s, len);
    }
    store->size += len;
    return offset << 24 | len;
}

char *notes_get(NotesStore *store, uint64_t ref)
{
    size_t len = notes_len(ref);
    uint64_t offset = ref >> 24;
    char *out = xmalloc(len + 1);
    out[0] = '\0';
    if (len == 0 || offset + len > store->size) return out;
    if (store->file == NULL) {
        memcpy(out, store->mem + offset, len);
        out[len] = '\0';
        return out;
    }
    if (store->dirty) {
        fflush(store->file);
        store->dirty = false;
    }
    ssize_t got = pread(fileno(store->file), out, len, (off_t)offset);
    out[got == (ssize_t)len ? len : 0] = '\0';
    return out;
}
