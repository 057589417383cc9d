/*
 * xdnd_drop: drops files on an X window as a file manager would (the XDND
 * protocol, version 5), for the window tests: xdotool cannot drag and drop.
 *
 *   xdnd_drop WINDOW_ID FILE...
 *
 * Announces text/uri-list to the window, moves over its middle, drops,
 * hands over "file://PATH" lines when the window asks for them, and exits
 * 0 once the window says it has finished (XdndFinished). Exits 1 with a
 * message when the window is not drop-aware, refuses the drop or does not
 * answer within 20 s (a guard against hanging, not a timing assertion).
 */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static Display *dpy;
static Atom aware, enter, position, status, drop, finished, selection, uri_list, copy;

static void send_message(Window to, Window from, Atom type, long l1, long l2, long l3,
                         long l4)
{
    XEvent ev;
    memset(&ev, 0, sizeof ev);
    ev.xclient.type = ClientMessage;
    ev.xclient.display = dpy;
    ev.xclient.window = to;
    ev.xclient.message_type = type;
    ev.xclient.format = 32;
    ev.xclient.data.l[0] = (long)from;
    ev.xclient.data.l[1] = l1;
    ev.xclient.data.l[2] = l2;
    ev.xclient.data.l[3] = l3;
    ev.xclient.data.l[4] = l4;
    XSendEvent(dpy, to, False, NoEventMask, &ev);
    XFlush(dpy);
}

/* The next event, or false when none came before the deadline. */
static bool next_event(XEvent *ev, time_t deadline)
{
    while (!XPending(dpy)) {
        if (time(NULL) > deadline) return false;
        struct pollfd p = {.fd = ConnectionNumber(dpy), .events = POLLIN};
        poll(&p, 1, 100);
    }
    XNextEvent(dpy, ev);
    return true;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: xdnd_drop WINDOW_ID FILE...\n");
        return 2;
    }
    dpy = XOpenDisplay(NULL);
    if (dpy == NULL) {
        fprintf(stderr, "xdnd_drop: no display\n");
        return 1;
    }
    Window target = (Window)strtoul(argv[1], NULL, 0);
    aware = XInternAtom(dpy, "XdndAware", False);
    enter = XInternAtom(dpy, "XdndEnter", False);
    position = XInternAtom(dpy, "XdndPosition", False);
    status = XInternAtom(dpy, "XdndStatus", False);
    drop = XInternAtom(dpy, "XdndDrop", False);
    finished = XInternAtom(dpy, "XdndFinished", False);
    selection = XInternAtom(dpy, "XdndSelection", False);
    uri_list = XInternAtom(dpy, "text/uri-list", False);
    copy = XInternAtom(dpy, "XdndActionCopy", False);

    Atom type;
    int format;
    unsigned long n, after;
    unsigned char *data = NULL;
    if (XGetWindowProperty(dpy, target, aware, 0, 1, False, AnyPropertyType, &type, &format,
                           &n, &after, &data) != Success || n == 0) {
        fprintf(stderr, "xdnd_drop: window 0x%lx takes no drops (no XdndAware)\n", target);
        return 1;
    }
    long version = *(long *)data < 5 ? *(long *)data : 5;
    XFree(data);

    /* The list handed over: one file:// URI a line. */
    size_t cap = 16;
    for (int i = 2; i < argc; i++) cap += strlen(argv[i]) + 16;
    char *uris = calloc(1, cap);
    for (int i = 2; i < argc; i++) {
        strcat(uris, "file://");
        strcat(uris, argv[i]);
        strcat(uris, "\r\n");
    }

    Window source = XCreateSimpleWindow(dpy, DefaultRootWindow(dpy), 0, 0, 1, 1, 0, 0, 0);
    XSetSelectionOwner(dpy, selection, source, CurrentTime);
    XWindowAttributes wa;
    XGetWindowAttributes(dpy, target, &wa);
    int x = 0, y = 0;
    Window child;
    XTranslateCoordinates(dpy, target, DefaultRootWindow(dpy), wa.width / 2, wa.height / 2,
                          &x, &y, &child);

    send_message(target, source, enter, version << 24, (long)uri_list, None, None);
    send_message(target, source, position, 0, (long)x << 16 | (y & 0xFFFF), CurrentTime,
                 (long)copy);
    time_t deadline = time(NULL) + 20;
    bool dropped = false;
    XEvent ev;
    while (next_event(&ev, deadline)) {
        if (ev.type == ClientMessage && ev.xclient.message_type == status && !dropped) {
            if (!(ev.xclient.data.l[1] & 1)) {
                fprintf(stderr, "xdnd_drop: the window refused the drop\n");
                return 1;
            }
            send_message(target, source, drop, 0, CurrentTime, None, None);
            dropped = true;
        } else if (ev.type == SelectionRequest) {
            XSelectionRequestEvent *req = &ev.xselectionrequest;
            XEvent reply;
            memset(&reply, 0, sizeof reply);
            reply.xselection.type = SelectionNotify;
            reply.xselection.display = dpy;
            reply.xselection.requestor = req->requestor;
            reply.xselection.selection = req->selection;
            reply.xselection.target = req->target;
            reply.xselection.time = req->time;
            reply.xselection.property = None;
            if (req->target == uri_list && req->property != None) {
                XChangeProperty(dpy, req->requestor, req->property, uri_list, 8,
                                PropModeReplace, (unsigned char *)uris, (int)strlen(uris));
                reply.xselection.property = req->property;
            }
            XSendEvent(dpy, req->requestor, False, NoEventMask, &reply);
            XFlush(dpy);
        } else if (ev.type == ClientMessage && ev.xclient.message_type == finished) {
            free(uris);
            XCloseDisplay(dpy);
            return 0;
        }
    }
    fprintf(stderr, "xdnd_drop: no answer from the window (%s)\n",
            dropped ? "after the drop" : "to the position");
    return 1;
}
