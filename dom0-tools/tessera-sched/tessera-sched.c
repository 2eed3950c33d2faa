/*
 * tessera-sched: puts an ARINC 653 schedule in place in a Xen cpupool, from dom0.
 *
 * Xen's ARINC 653 scheduler runs nothing but the entries of its schedule, and there is no xl command to
 * set one: libxenctrl's xc_sched_arinc653_schedule_set() is the only way. An entry names a domain by its
 * handle (its UUID) and a vCPU; Xen creates every domain it starts at boot (dom0 and dom0less domains)
 * with an all-zero handle, so before setting the schedule this program gives every scheduled domain that
 * shares its handle with another domain a handle of its own. Then it sets the schedule, reads it back and
 * compares. See README.md for the input format and the exit codes.
 *
 * Built against Debian's libxenctrl (Xen 4.17 in bookworm, 4.20 in trixie): it uses only calls that
 * both have (xc_domain_getinfolist, xc_domain_sethandle, xc_cpupool_getinfo, xc_sched_arinc653_*).
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xenctrl.h>
#include <xenstore.h>

#define VERSION "0.1"

/* Exit codes (README.md). */
enum {
    EXIT_APPLIED = 0,   /* done (or, with --dry-run, would be done) */
    EXIT_XEN = 1,       /* Xen refused, a Xen call failed, or the read-back differs */
    EXIT_INPUT = 2,     /* wrong usage, or the schedule file is malformed */
    EXIT_SYSTEM = 3,    /* the schedule does not fit the running system (domain, vCPU, pool) */
};

/* The handle of "idle" entries: no domain has it (checked), so Xen runs its idle vCPU in that slot. */
static const xen_domain_handle_t IDLE_HANDLE = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff
};

#define MAX_DOMAINS 1024

static xc_interface *xch;
static struct xs_handle *xsh;
static xc_domaininfo_t doms[MAX_DOMAINS];
static int ndoms;

static int fail(int code, const char *fmt, ...)
{
    va_list ap;

    fputs("tessera-sched: error: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return code;
}

static void warn(const char *fmt, ...)
{
    va_list ap;

    fputs("tessera-sched: warning: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static void handle_str(const xen_domain_handle_t h, char out[37])
{
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7],
             h[8], h[9], h[10], h[11], h[12], h[13], h[14], h[15]);
}

static bool parse_uuid(const char *s, xen_domain_handle_t h)
{
    unsigned int n = 0;

    for ( ; *s; s++ ) {
        if ( *s == '-' )
            continue;
        if ( !isxdigit((unsigned char)s[0]) || !isxdigit((unsigned char)s[1]) || n == 16 )
            return false;
        sscanf(s, "%2hhx", &h[n++]);
        s++;
    }
    return n == 16;
}

static bool parse_u64(const char *s, uint64_t *v)
{
    char *end;

    if ( !*s || !isdigit((unsigned char)*s) )
        return false;
    errno = 0;
    *v = strtoull(s, &end, 10);
    return !errno && !*end;
}

/* Every domain Xen knows, with its handle, cpupool and CPU time. */
static int load_domains(void)
{
    ndoms = xc_domain_getinfolist(xch, 0, MAX_DOMAINS, doms);
    if ( ndoms < 0 )
        return fail(EXIT_XEN, "cannot list the domains: %s", strerror(errno));
    return 0;
}

static xc_domaininfo_t *domain_by_id(uint32_t domid)
{
    for ( int i = 0; i < ndoms; i++ )
        if ( doms[i].domain == domid )
            return &doms[i];
    return NULL;
}

static bool open_xenstore(void)
{
    if ( !xsh )
        xsh = xs_open(0);
    return xsh != NULL;
}

/* The domain's name in xenstore (libxl's and init-dom0less's /local/domain/<id>/name), or NULL. */
static char *domain_name(uint32_t domid)
{
    char path[64];
    unsigned int len;

    if ( !open_xenstore() )
        return NULL;
    snprintf(path, sizeof(path), "/local/domain/%u/name", domid);
    return xs_read(xsh, XBT_NULL, path, &len);
}

/*
 * A domain named in the schedule: its id (digits), its handle (a UUID, e.g. the uuid= of an xl config)
 * or its name in xenstore. Returns the domain or NULL after printing why.
 */
static xc_domaininfo_t *resolve_domain(const char *ref, int line)
{
    xen_domain_handle_t h;
    uint64_t id;
    xc_domaininfo_t *found = NULL;
    int matches = 0;

    if ( parse_u64(ref, &id) ) {
        found = id < DOMID_FIRST_RESERVED ? domain_by_id(id) : NULL;
        if ( !found )
            fail(EXIT_SYSTEM, "line %d: there is no domain with id %s", line, ref);
        return found;
    }
    if ( strlen(ref) == 36 && parse_uuid(ref, h) ) {
        for ( int i = 0; i < ndoms; i++ )
            if ( !memcmp(doms[i].handle, h, sizeof(h)) ) {
                found = &doms[i];
                matches++;
            }
        if ( matches != 1 ) {
            fail(EXIT_SYSTEM, "line %d: %s domain has the handle %s", line, matches ? "more than one" : "no", ref);
            return NULL;
        }
        return found;
    }
    if ( !open_xenstore() ) {
        fail(EXIT_SYSTEM, "line %d: cannot look up the domain named '%s': no xenstore (%s); name it by its id",
             line, ref, strerror(errno));
        return NULL;
    }
    for ( int i = 0; i < ndoms; i++ ) {
        char *name = domain_name(doms[i].domain);

        if ( name && !strcmp(name, ref) ) {
            found = &doms[i];
            matches++;
        }
        free(name);
    }
    if ( matches != 1 ) {
        fail(EXIT_SYSTEM, "line %d: %s domain is named '%s' in xenstore", line, matches ? "more than one" : "no", ref);
        return NULL;
    }
    return found;
}

/* A cpupool given by id or by its name in xenstore (/local/pool/<id>/name: "Pool-<id>" for boot-time pools). */
static int resolve_pool(const char *ref, uint32_t *pool)
{
    uint64_t id;

    if ( parse_u64(ref, &id) && id <= UINT32_MAX ) {
        *pool = id;
        return 0;
    }
    if ( !open_xenstore() )
        return fail(EXIT_SYSTEM, "cannot look up the cpupool named '%s': no xenstore; give its id", ref);
    for ( uint32_t p = 0; p < 256; p++ ) {
        char path[64];
        unsigned int len;
        char *name;

        snprintf(path, sizeof(path), "/local/pool/%u/name", p);
        name = xs_read(xsh, XBT_NULL, path, &len);
        if ( name && !strcmp(name, ref) ) {
            free(name);
            *pool = p;
            return 0;
        }
        free(name);
    }
    return fail(EXIT_SYSTEM, "no cpupool is named '%s' in xenstore", ref);
}

/* 0 when the pool exists and runs the ARINC 653 scheduler. */
static int check_pool(uint32_t pool)
{
    xc_cpupoolinfo_t *info = xc_cpupool_getinfo(xch, pool);
    int rc = 0;

    /* xc_cpupool_getinfo returns the first pool with an id >= the one asked for */
    if ( !info || info->cpupool_id != pool )
        rc = fail(EXIT_SYSTEM, "there is no cpupool %u", pool);
    else if ( info->sched_id != XEN_SCHEDULER_ARINC653 )
        rc = fail(EXIT_SYSTEM, "cpupool %u does not run the ARINC 653 scheduler (its scheduler id is %u, ARINC 653's is %u)",
                  pool, info->sched_id, XEN_SCHEDULER_ARINC653);
    if ( info )
        xc_cpupool_infofree(xch, info);
    return rc;
}

static int random_handle(xen_domain_handle_t h)
{
    FILE *f = fopen("/dev/urandom", "r");
    size_t n = f ? fread(h, 1, sizeof(xen_domain_handle_t), f) : 0;

    if ( f )
        fclose(f);
    if ( n != sizeof(xen_domain_handle_t) )
        return -1;
    h[6] = (h[6] & 0x0f) | 0x40;   /* a version 4 (random) UUID */
    h[8] = (h[8] & 0x3f) | 0x80;
    return 0;
}

/* The other domains that have d's handle: Xen would give d's entries to whichever of them it finds first. */
static int sharers(const xc_domaininfo_t *d, char *list, size_t size)
{
    int n = 0;

    if ( list )
        list[0] = '\0';
    for ( int i = 0; i < ndoms; i++ )
        if ( &doms[i] != d && !memcmp(doms[i].handle, d->handle, sizeof(d->handle)) ) {
            if ( list )
                snprintf(list + strlen(list), size - strlen(list), "%s%u", n ? ", " : "", doms[i].domain);
            n++;
        }
    return n;
}

static int give_handle(xc_domaininfo_t *d)
{
    xen_domain_handle_t h;
    char old[37], new[37];

    do {
        if ( random_handle(h) )
            return fail(EXIT_XEN, "cannot read /dev/urandom");
    } while ( !memcmp(h, IDLE_HANDLE, sizeof(h)) );
    if ( xc_domain_sethandle(xch, d->domain, h) )
        return fail(EXIT_XEN, "cannot give domain %u a handle of its own: %s", d->domain, strerror(errno));
    handle_str(d->handle, old);
    handle_str(h, new);
    printf("tessera-sched: domain %u: handle %s (was %s, shared)\n", d->domain, new, old);
    memcpy(d->handle, h, sizeof(h));
    return 0;
}

/*
 * Makes the handle of every scheduled domain unique. dom0 keeps its handle (the toolstack knows dom0 by it);
 * the other domains that share it get new ones. Another domain that shares its handle gets a new one itself.
 */
static int unique_handles(xc_domaininfo_t **sched, int n, bool keep, bool dry_run)
{
    for ( int i = 0; i < n; i++ ) {
        xc_domaininfo_t *d = sched[i];
        char list[256];

        if ( !sharers(d, list, sizeof(list)) )
            continue;
        if ( keep || dry_run ) {
            warn("domain %u shares its handle with domain(s) %s: %s", d->domain, list,
                 keep ? "Xen will give its entries to whichever of them it finds first (--keep-handles)"
                      : "a handle of its own would be set (--dry-run)");
            continue;
        }
        if ( d->domain == 0 ) {
            for ( int j = 0; j < ndoms; j++ )
                if ( &doms[j] != d && !memcmp(doms[j].handle, d->handle, sizeof(d->handle)) && give_handle(&doms[j]) )
                    return EXIT_XEN;
        } else if ( give_handle(d) ) {
            return EXIT_XEN;
        }
    }
    return 0;
}

static int parse_failure(const char *file, int line, const char *what)
{
    return fail(EXIT_INPUT, "%s:%d: %s", file, line, what);
}

/* apply [--dry-run] [--keep-handles] FILE */
static int cmd_apply(const char *file, bool dry_run, bool keep)
{
    static struct xen_sysctl_arinc653_schedule sched, back;
    xc_domaininfo_t *dom_of[ARINC653_MAX_DOMAINS_PER_SCHEDULE];  /* NULL: an idle entry */
    xc_domaininfo_t *distinct[ARINC653_MAX_DOMAINS_PER_SCHEDULE];
    char pool_ref[128] = "";
    uint64_t total = 0;
    uint32_t pool = 0;
    bool have_pool = false;
    int n = 0, ndistinct = 0, lineno = 0, rc;
    char buf[512];
    FILE *f = strcmp(file, "-") ? fopen(file, "r") : stdin;

    if ( !f )
        return fail(EXIT_INPUT, "cannot read %s: %s", file, strerror(errno));
    if ( (rc = load_domains()) )
        return rc;
    memset(&sched, 0, sizeof(sched));

    while ( fgets(buf, sizeof(buf), f) ) {
        char *tok[5], *save = NULL, *hash = strchr(buf, '#');
        int ntok = 0;
        uint64_t v, vcpu;

        lineno++;
        if ( hash )
            *hash = '\0';
        for ( char *t = strtok_r(buf, " \t\r\n", &save); t; t = strtok_r(NULL, " \t\r\n", &save) )
            if ( ntok < 5 )
                tok[ntok++] = t;
            else
                return parse_failure(file, lineno, "too many words");
        if ( !ntok )
            continue;

        if ( !strcmp(tok[0], "major_frame_ns") ) {
            if ( ntok != 2 || !parse_u64(tok[1], &v) || !v || v > INT64_MAX )
                return parse_failure(file, lineno, "expected: major_frame_ns NANOSECONDS (more than 0)");
            sched.major_frame = v;
        } else if ( !strcmp(tok[0], "cpupool") ) {
            if ( ntok != 2 )
                return parse_failure(file, lineno, "expected: cpupool ID-OR-NAME");
            snprintf(pool_ref, sizeof(pool_ref), "%s", tok[1]);
        } else if ( !strcmp(tok[0], "entry") || !strcmp(tok[0], "idle") ) {
            bool idle = tok[0][0] == 'i';

            if ( n == ARINC653_MAX_DOMAINS_PER_SCHEDULE - 1 )
                /* Xen up to 4.20.3 reads one entry past a full table (fixed by "arinc653: avoid array overrun") */
                return parse_failure(file, lineno, "more than 63 entries");
            if ( idle ? (ntok != 2 || !parse_u64(tok[1], &v))
                      : (ntok != 4 || !parse_u64(tok[2], &vcpu) || !parse_u64(tok[3], &v)) )
                return parse_failure(file, lineno, idle ? "expected: idle RUNTIME_NS"
                                                        : "expected: entry DOMAIN VCPU RUNTIME_NS");
            if ( !v || v > INT64_MAX )
                return parse_failure(file, lineno, "the run time must be more than 0 ns");
            sched.sched_entries[n].runtime = v;
            total += v;
            if ( idle ) {
                memcpy(sched.sched_entries[n].dom_handle, IDLE_HANDLE, sizeof(IDLE_HANDLE));
                dom_of[n] = NULL;
            } else {
                xc_domaininfo_t *d = resolve_domain(tok[1], lineno);
                int k;

                if ( !d )
                    return EXIT_SYSTEM;
                if ( vcpu > d->max_vcpu_id )
                    return fail(EXIT_SYSTEM, "line %d: domain %u has no vCPU %" PRIu64 " (its last is %u)",
                                lineno, d->domain, vcpu, d->max_vcpu_id);
                sched.sched_entries[n].vcpu_id = vcpu;
                dom_of[n] = d;
                for ( k = 0; k < ndistinct && distinct[k] != d; k++ )
                    ;
                if ( k == ndistinct )
                    distinct[ndistinct++] = d;
            }
            n++;
        } else {
            return parse_failure(file, lineno, "unknown line; expected cpupool, major_frame_ns, entry or idle");
        }
    }
    if ( f != stdin )
        fclose(f);

    if ( !sched.major_frame )
        return fail(EXIT_INPUT, "%s: no major_frame_ns line", file);
    if ( !n )
        return fail(EXIT_INPUT, "%s: no entry", file);
    if ( total > sched.major_frame )
        return fail(EXIT_INPUT, "%s: the entries need %" PRIu64 " ns, more than the major frame of %" PRIu64 " ns",
                    file, total, (uint64_t)sched.major_frame);
    sched.num_sched_entries = n;

    /* The cpupool: the one the file names, which must be the scheduled domains' pool, or theirs. */
    if ( pool_ref[0] ) {
        if ( (rc = resolve_pool(pool_ref, &pool)) )
            return rc;
        have_pool = true;
    }
    for ( int k = 0; k < ndistinct; k++ ) {
        if ( !have_pool ) {
            pool = distinct[k]->cpupool;
            have_pool = true;
        } else if ( distinct[k]->cpupool != pool ) {
            return fail(EXIT_SYSTEM, "domain %u is in cpupool %u, not in cpupool %u: its entries would never run",
                        distinct[k]->domain, distinct[k]->cpupool, pool);
        }
    }
    if ( !have_pool )
        return fail(EXIT_INPUT, "%s: only idle entries: name the cpupool with a cpupool line", file);
    if ( (rc = check_pool(pool)) )
        return rc;
    /* dom0 in this pool (sched=arinc653 for the whole system) runs only in the slots the new schedule gives it */
    {
        xc_domaininfo_t *dom0 = domain_by_id(0);
        bool scheduled = false;

        for ( int k = 0; k < ndistinct; k++ )
            scheduled |= distinct[k]->domain == 0;
        if ( dom0 && dom0->cpupool == pool && !scheduled )
            return fail(EXIT_SYSTEM, "dom0 is in cpupool %u and the schedule has no entry for it: dom0 would never run again",
                        pool);
    }
    /* what the schedule leaves out never runs: say so */
    for ( int i = 0; i < ndoms; i++ ) {
        if ( doms[i].cpupool != pool )
            continue;
        for ( uint32_t v = 0; v <= doms[i].max_vcpu_id && doms[i].max_vcpu_id != XEN_INVALID_MAX_VCPU_ID; v++ ) {
            bool found = false;

            for ( int e = 0; e < n && !found; e++ )
                found = dom_of[e] == &doms[i] && sched.sched_entries[e].vcpu_id == v;
            if ( !found )
                warn("domain %u vCPU %u is in cpupool %u and has no entry: it will not run", doms[i].domain, v, pool);
        }
    }
    for ( int i = 0; i < ndoms; i++ )
        if ( !memcmp(doms[i].handle, IDLE_HANDLE, sizeof(IDLE_HANDLE)) )
            return fail(EXIT_SYSTEM, "domain %u has the handle tessera-sched reserves for idle entries (ff...ff)",
                        doms[i].domain);

    /* Every scheduled domain gets a handle no other domain has; the entries carry it. */
    if ( (rc = unique_handles(distinct, ndistinct, keep, dry_run)) )
        return rc;
    for ( int i = 0; i < n; i++ )
        if ( dom_of[i] )
            memcpy(sched.sched_entries[i].dom_handle, dom_of[i]->handle, sizeof(xen_domain_handle_t));

    printf("tessera-sched: cpupool %u: major frame %" PRIu64 " ns, %d entries, %" PRIu64 " ns of it scheduled\n",
           pool, (uint64_t)sched.major_frame, n, total);
    for ( int k = 0; k < ndistinct; k++ ) {
        uint64_t t = 0;
        char hs[37];

        for ( int i = 0; i < n; i++ )
            if ( dom_of[i] == distinct[k] )
                t += sched.sched_entries[i].runtime;
        handle_str(distinct[k]->handle, hs);
        printf("tessera-sched: domain %u (handle %s): %" PRIu64 " ns per frame, %.1f %%\n",
               distinct[k]->domain, hs, t, 100.0 * t / sched.major_frame);
    }
    if ( dry_run ) {
        printf("tessera-sched: dry run: nothing set\n");
        return EXIT_APPLIED;
    }

    if ( xc_sched_arinc653_schedule_set(xch, pool, &sched) )
        return fail(EXIT_XEN, "Xen refused the schedule for cpupool %u: %s", pool, strerror(errno));

    memset(&back, 0, sizeof(back));
    if ( xc_sched_arinc653_schedule_get(xch, pool, &back) )
        return fail(EXIT_XEN, "cannot read the schedule of cpupool %u back: %s", pool, strerror(errno));
    if ( back.major_frame != sched.major_frame || back.num_sched_entries != sched.num_sched_entries )
        return fail(EXIT_XEN, "read back: major frame %" PRIu64 " ns with %u entries, set %" PRIu64 " ns with %u",
                    (uint64_t)back.major_frame, back.num_sched_entries, (uint64_t)sched.major_frame, n);
    for ( int i = 0; i < n; i++ )
        if ( memcmp(back.sched_entries[i].dom_handle, sched.sched_entries[i].dom_handle, sizeof(xen_domain_handle_t))
             || back.sched_entries[i].vcpu_id != sched.sched_entries[i].vcpu_id
             || back.sched_entries[i].runtime != sched.sched_entries[i].runtime )
            return fail(EXIT_XEN, "read back: entry %d differs from what was set", i + 1);
    printf("tessera-sched: schedule set; read back from Xen: identical\n");
    return EXIT_APPLIED;
}

/* show POOL: the pool's schedule as Xen has it, in the input format. */
static int cmd_show(const char *pool_ref)
{
    static struct xen_sysctl_arinc653_schedule s;
    uint32_t pool;
    int rc;

    if ( (rc = load_domains()) || (rc = resolve_pool(pool_ref, &pool)) || (rc = check_pool(pool)) )
        return rc;
    if ( xc_sched_arinc653_schedule_get(xch, pool, &s) )
        return fail(EXIT_XEN, "cannot read the schedule of cpupool %u: %s", pool, strerror(errno));
    printf("cpupool %u\nmajor_frame_ns %" PRIu64 "\n", pool, (uint64_t)s.major_frame);
    for ( unsigned int i = 0; i < s.num_sched_entries && i < ARINC653_MAX_DOMAINS_PER_SCHEDULE; i++ ) {
        char hs[37];
        int matches = 0;
        uint32_t domid = 0;

        if ( !memcmp(s.sched_entries[i].dom_handle, IDLE_HANDLE, sizeof(IDLE_HANDLE)) ) {
            printf("idle %" PRIu64 "\n", (uint64_t)s.sched_entries[i].runtime);
            continue;
        }
        for ( int k = 0; k < ndoms; k++ )
            if ( !memcmp(doms[k].handle, s.sched_entries[i].dom_handle, sizeof(xen_domain_handle_t)) ) {
                domid = doms[k].domain;
                matches++;
            }
        handle_str(s.sched_entries[i].dom_handle, hs);
        if ( matches == 1 )
            printf("entry %u %u %" PRIu64 "   # handle %s\n", domid, s.sched_entries[i].vcpu_id,
                   (uint64_t)s.sched_entries[i].runtime, hs);
        else
            printf("entry %s %u %" PRIu64 "   # %s\n", hs, s.sched_entries[i].vcpu_id,
                   (uint64_t)s.sched_entries[i].runtime,
                   matches ? "several domains have this handle" : "no domain has this handle: idle");
    }
    return EXIT_APPLIED;
}

/* cputime: every domain's CPU time (ns) with the time it was read, for measuring shares. */
static int cmd_cputime(void)
{
    struct timespec ts;
    int rc;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    if ( (rc = load_domains()) )
        return rc;
    printf("# monotonic_ns %" PRIu64 "\n# domid cpupool cpu_time_ns\n",
           (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec);
    for ( int i = 0; i < ndoms; i++ )
        printf("%u %u %" PRIu64 "\n", doms[i].domain, doms[i].cpupool, (uint64_t)doms[i].cpu_time);
    return EXIT_APPLIED;
}

/*
 * Gives a domain Xen started at boot its FLASK label. Xen labels every such domain but dom0 "unlabeled" (no
 * device-tree property names a label); dom0 relabels each to the type the system's generated policy gives it,
 * before anything else talks to it (xc_flask_relabel_domain: dom0 needs relabelfrom on the old type, relabelto
 * on the new, and the old type needs transition to the new). Reads the label back from Xen and compares.
 */
static int cmd_label(const char *ref, const char *context)
{
    xc_domaininfo_t *d;
    uint32_t sid = 0;
    char buf[256];

    ndoms = xc_domain_getinfolist(xch, 0, MAX_DOMAINS, doms);
    if ( ndoms < 0 )
        return fail(EXIT_XEN, "cannot list the domains: %s", strerror(errno));
    d = resolve_domain(ref, 0);
    if ( !d )
        return EXIT_SYSTEM;
    if ( strlen(context) >= sizeof(buf) )
        return fail(EXIT_INPUT, "the label '%s' is too long", context);
    snprintf(buf, sizeof(buf), "%s", context);
    if ( xc_flask_context_to_sid(xch, buf, strlen(buf), &sid) )
        return fail(EXIT_XEN, "FLASK does not know the label '%s' (is the system's policy loaded?): %s", context, strerror(errno));
    if ( xc_flask_relabel_domain(xch, d->domain, sid) )
        return fail(EXIT_XEN, "FLASK refused to relabel domain %u to '%s': %s", d->domain, context, strerror(errno));
    /* read back: the domain's ssidref is its SID now */
    if ( xc_domain_getinfolist(xch, d->domain, 1, d) != 1 || d->ssidref != sid )
        return fail(EXIT_XEN, "domain %u does not have the label '%s' after relabelling", d->domain, context);
    printf("domain %u: %s\n", d->domain, context);
    return EXIT_APPLIED;
}

static int usage(int code)
{
    fprintf(code ? stderr : stdout,
            "usage: tessera-sched apply [--dry-run] [--keep-handles] FILE|-\n"
            "       tessera-sched show CPUPOOL\n"
            "       tessera-sched cputime\n"
            "       tessera-sched label DOMAIN CONTEXT\n"
            "Puts the ARINC 653 schedule of FILE in place in its cpupool, reads it back and compares;\n"
            "shows a cpupool's schedule; prints every domain's CPU time; gives a domain Xen started at boot its\n"
            "FLASK label (DOMAIN: an id or a name in xenstore). See README.md.\n"
            "Exit: 0 done, 1 Xen refused or read-back differs, 2 usage or file error, 3 does not fit the system.\n");
    return code;
}

int main(int argc, char **argv)
{
    bool dry_run = false, keep = false;
    const char *file = NULL;
    int rc;

    if ( argc < 2 )
        return usage(EXIT_INPUT);
    if ( !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") )
        return usage(EXIT_APPLIED);
    if ( !strcmp(argv[1], "--version") ) {
        printf("tessera-sched %s\n", VERSION);
        return EXIT_APPLIED;
    }
    if ( !strcmp(argv[1], "apply") ) {
        for ( int i = 2; i < argc; i++ )
            if ( !strcmp(argv[i], "--dry-run") || !strcmp(argv[i], "-n") )
                dry_run = true;
            else if ( !strcmp(argv[i], "--keep-handles") )
                keep = true;
            else if ( !file && (argv[i][0] != '-' || !strcmp(argv[i], "-")) )
                file = argv[i];
            else
                return usage(EXIT_INPUT);
        if ( !file )
            return usage(EXIT_INPUT);
    } else if ( !(!strcmp(argv[1], "show") && argc == 3) && !(!strcmp(argv[1], "cputime") && argc == 2)
                && !(!strcmp(argv[1], "label") && argc == 4) ) {
        return usage(EXIT_INPUT);
    }

    xch = xc_interface_open(NULL, NULL, 0);
    if ( !xch )
        return fail(EXIT_XEN, "cannot open libxenctrl (is this dom0, with /dev/xen/privcmd?): %s", strerror(errno));
    if ( !strcmp(argv[1], "apply") )
        rc = cmd_apply(file, dry_run, keep);
    else if ( !strcmp(argv[1], "show") )
        rc = cmd_show(argv[2]);
    else if ( !strcmp(argv[1], "label") )
        rc = cmd_label(argv[2], argv[3]);
    else
        rc = cmd_cputime();
    if ( xsh )
        xs_close(xsh);
    xc_interface_close(xch);
    return rc;
}
