/*
 * notes: an append-only spill file of note texts. A reference packs the
 * byte offset (high 40 bits) and length (low 24 bits). See notes.h.
 */
#include "notes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "xalloc.h"

#define NOTES_WRITE_BUFFER (256u << 10)

void notes_init(NotesStore *store)
{
    memset(store, 0, sizeof *store);
}

void notes_free(NotesStore *store)
{
    if (store->file != NULL) fclose(store->file);
    free(store->file_buf);                   /* after the fclose that flushes it */
    if (store->ro_file != NULL) fclose(store->ro_file);
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
        /* A big load writes hundreds of MB of notes: in writes of 256 KB,
         * not of stdio's 4 KB (a system call for every ten events). glibc
         * takes a size only with a buffer. */
        if (store->file != NULL) {
            store->file_buf = xmalloc(NOTES_WRITE_BUFFER);
            setvbuf(store->file, store->file_buf, _IOFBF, NOTES_WRITE_BUFFER);
        }
    }
    uint64_t offset = store->size;
    if (store->file != NULL) {
        /* The spill file holds the notes after any adopted ones. */
        if (fwrite(s, 1, len, store->file) != len) return 0;
        store->dirty = true;
    } else {
        uint64_t at = offset - store->ro_len;
        store->mem = xgrow(store->mem, &store->mem_cap, at + len, 1);
        memcpy(store->mem + at, s, len);
    }
    store->size += len;
    return offset << 24 | len;
}

void notes_flush(NotesStore *store)
{
    if (store->file != NULL && store->dirty) fflush(store->file);
    store->dirty = false;
}

char *notes_get(const NotesStore *store, uint64_t ref)
{
    size_t len = notes_len(ref);
    uint64_t offset = ref >> 24;
    char *out = xmalloc(len + 1);
    out[0] = '\0';
    if (len == 0 || offset + len > store->size) return out;
    if (offset < store->ro_len) {
        if (offset + len > store->ro_len) return out;
        ssize_t got = pread(fileno(store->ro_file), out, len,
                            (off_t)(store->ro_base + offset));
        out[got == (ssize_t)len ? len : 0] = '\0';
        return out;
    }
    offset -= store->ro_len;
    if (store->file == NULL) {
        memcpy(out, store->mem + offset, len);
        out[len] = '\0';
        return out;
    }
    SM_ASSERT(!store->dirty);               /* notes_flush ran when loading ended */
    ssize_t got = pread(fileno(store->file), out, len, (off_t)offset);
    out[got == (ssize_t)len ? len : 0] = '\0';
    return out;
}

void notes_adopt(NotesStore *store, FILE *file, uint64_t base, uint64_t len)
{
    store->ro_file = file;
    store->ro_base = base;
    store->ro_len = len;
    store->size = len;
}

/* Copies n bytes of fd from offset `from` to out. */
static bool copy_range(int fd, uint64_t from, uint64_t n, FILE *out)
{
    char buf[1 << 16];
    while (n > 0) {
        size_t want = n < sizeof buf ? (size_t)n : sizeof buf;
        ssize_t got = pread(fd, buf, want, (off_t)from);
        if (got <= 0 || fwrite(buf, 1, (size_t)got, out) != (size_t)got) return false;
        from += (uint64_t)got;
        n -= (uint64_t)got;
    }
    return true;
}

bool notes_copy_all(NotesStore *store, FILE *out)
{
    if (store->ro_len > 0 &&
        !copy_range(fileno(store->ro_file), store->ro_base, store->ro_len, out))
        return false;
    uint64_t rest = store->size - store->ro_len;
    if (rest == 0) return true;
    if (store->file == NULL) return fwrite(store->mem, 1, rest, out) == rest;
    if (store->dirty) {
        fflush(store->file);
        store->dirty = false;
    }
    return copy_range(fileno(store->file), 0, rest, out);
}
