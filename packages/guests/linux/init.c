/*
 * rvhv-init: the only program in the initramfs of rvhv's test kernel.
 *
 * It runs as PID 1, exercises the parts of the machine that a kernel and a
 * user program lean on, prints one line per check and powers the machine
 * off. The tests (packages/guests/test/reference-qemu.test.ts, and the rvhv
 * board's boot tests) read its output: the lines below are an interface.
 *
 *   rvhv-init: started                    first line, the boot-time mark
 *   rvhv-init: ok: <what>                 a check that passed
 *   rvhv-init: FAIL: <what>               a check that failed
 *   rvhv-init: skip: <what>               a check that could not run here
 *   rvhv-init: all ok | FAILED (<n> checks)
 *   rvhv-init: powering off
 *
 * The disk check matches packages/guests/src/third-party/test-disk.ts: the
 * host writes a signature in block 0, this program prints it and writes a
 * pattern to block 1, which the host reads back after power-off.
 *
 * Built static with Debian's riscv64-linux-gnu-gcc by
 * packages/guests/recipes/build-linux.sh (-O2 -ffp-contract=off, so that the
 * floating-point results below do not depend on what the compiler fuses).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <math.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PREFIX "rvhv-init: "
#define DISK "/dev/vda"
#define DISK_BLOCK 4096
#define CHILD_ARG "child"
#define CHILD_EXIT_OK 42
#define PINNED_EXIT_OK 0
#define SLEEP_NS 20000000L /* 20 ms */
#define TIMER_US 30000     /* 30 ms */

static int failures;

static void say(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs(PREFIX, stdout);
  vprintf(fmt, ap);
  fputc('\n', stdout);
  fflush(stdout);
  va_end(ap);
}

/* One check: prints "ok: <what>" or "FAIL: <what>" (with errno when set). */
static void check(int passed, const char *fmt, ...) {
  char what[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  if (passed) {
    say("ok: %s", what);
  } else {
    failures++;
    say("FAIL: %s (errno %d: %s)", what, errno, strerror(errno));
  }
}

static double seconds(const struct timespec *t) { return (double)t->tv_sec + (double)t->tv_nsec / 1e9; }

static void print_file(const char *path) {
  char buf[512];
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    check(0, "open %s", path);
    return;
  }
  say("--- %s ---", path);
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) fwrite(buf, 1, (size_t)n, stdout);
  fflush(stdout);
  close(fd);
  say("--- end ---");
}

static void mount_filesystems(void) {
  /* EBUSY: the kernel's DEVTMPFS_MOUNT got there first (it does not for an
   * initramfs, but a different config might). */
  check(mount("proc", "/proc", "proc", 0, NULL) == 0, "mount proc on /proc");
  check(mount("sysfs", "/sys", "sysfs", 0, NULL) == 0, "mount sysfs on /sys");
  int dev = mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
  check(dev == 0 || errno == EBUSY, "mount devtmpfs on /dev");
}

static void print_system(void) {
  struct utsname u;
  if (uname(&u) == 0) say("uname: %s %s %s", u.sysname, u.release, u.machine);
  say("cpus online: %ld", sysconf(_SC_NPROCESSORS_ONLN));
  print_file("/proc/cpuinfo");
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  struct tm tm;
  gmtime_r(&now.tv_sec, &tm);
  say("realtime: %04d-%02d-%02d %02d:%02d:%02d UTC", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
      tm.tm_min, tm.tm_sec);
}

/* Block 1's pattern: text, then bytes (i * 31 + 7) & 0xff. Same formula as
 * testDiskPattern() in packages/guests/src/third-party/test-disk.ts. */
static void fill_pattern(unsigned char *block) {
  static const char text[] = "rvhv-init wrote this block\n";
  for (int i = 0; i < DISK_BLOCK; i++) block[i] = (unsigned char)((i * 31 + 7) & 0xff);
  memcpy(block, text, sizeof text - 1);
}

static void exercise_disk(void) {
  int fd = open(DISK, O_RDWR | O_DIRECT | O_SYNC);
  if (fd < 0) {
    say("skip: disk (%s: %s)", DISK, strerror(errno));
    return;
  }
  uint64_t size = 0;
  check(ioctl(fd, BLKGETSIZE64, &size) == 0 && size >= 2 * DISK_BLOCK, "disk %s has %llu bytes", DISK,
        (unsigned long long)size);
  unsigned char *out, *in;
  /* O_DIRECT: the reads and writes go to the device, not the page cache. */
  if (posix_memalign((void **)&out, DISK_BLOCK, DISK_BLOCK) || posix_memalign((void **)&in, DISK_BLOCK, DISK_BLOCK)) {
    check(0, "allocate disk buffers");
    close(fd);
    return;
  }
  if (pread(fd, in, DISK_BLOCK, 0) == DISK_BLOCK) {
    char text[33];
    size_t n = 0;
    while (n < 32 && in[n] >= 0x20 && in[n] < 0x7f) text[n] = (char)in[n], n++;
    text[n] = '\0';
    say("ok: disk block 0 starts \"%s\"", text);
  } else {
    check(0, "read disk block 0");
  }
  fill_pattern(out);
  check(pwrite(fd, out, DISK_BLOCK, DISK_BLOCK) == DISK_BLOCK && fsync(fd) == 0, "write disk block 1");
  memset(in, 0, DISK_BLOCK);
  check(pread(fd, in, DISK_BLOCK, DISK_BLOCK) == DISK_BLOCK && memcmp(in, out, DISK_BLOCK) == 0,
        "disk block 1 reads back what was written");
  free(out);
  free(in);
  close(fd);
}

static void exercise_timers(void) {
  struct timespec res = {0, 0}, t0, t1, t2;
  check(clock_getres(CLOCK_MONOTONIC, &res) == 0, "clock_getres(CLOCK_MONOTONIC) = %ld ns", res.tv_nsec);
  clock_gettime(CLOCK_MONOTONIC, &t0);
  struct timespec nap = {0, SLEEP_NS};
  int slept = nanosleep(&nap, NULL);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double ms = (seconds(&t1) - seconds(&t0)) * 1e3;
  check(slept == 0 && ms >= SLEEP_NS / 1e6, "nanosleep %ld ms took %.3f ms of CLOCK_MONOTONIC", SLEEP_NS / 1000000, ms);
  /* The clock advances while the hart computes, too (not only across sleeps). */
  volatile unsigned long spin = 0;
  do {
    spin++;
    clock_gettime(CLOCK_MONOTONIC, &t2);
  } while (seconds(&t2) == seconds(&t1) && spin < 100000000UL);
  check(seconds(&t2) > seconds(&t1), "CLOCK_MONOTONIC advances during computation");
}

static volatile sig_atomic_t alarm_ran, usr1_from;

static void on_alarm(int sig) { alarm_ran = sig; }
static void on_usr1(int sig, siginfo_t *info, void *ctx) {
  (void)sig, (void)ctx;
  usr1_from = info->si_pid;
}

static void exercise_signals(void) {
  struct sigaction sa = {0};
  sa.sa_handler = on_alarm;
  check(sigaction(SIGALRM, &sa, NULL) == 0, "sigaction SIGALRM");
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGALRM);
  sigprocmask(SIG_BLOCK, &block, &old);
  struct itimerval it = {{0, 0}, {0, TIMER_US}};
  check(setitimer(ITIMER_REAL, &it, NULL) == 0, "setitimer ITIMER_REAL %d ms", TIMER_US / 1000);
  while (!alarm_ran) sigsuspend(&old);
  sigprocmask(SIG_SETMASK, &old, NULL);
  check(alarm_ran == SIGALRM, "SIGALRM handler ran after setitimer");

  struct sigaction si = {0};
  si.sa_sigaction = on_usr1;
  si.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR1, &si, NULL);
  kill(getpid(), SIGUSR1);
  check(usr1_from == getpid(), "SIGUSR1 handler ran with si_pid = %d", (int)usr1_from);
}

/* Floating point with results known exactly (IEEE 754 binary64/binary32,
 * round to nearest even): the last one needs a real fused multiply-add. */
static int floating_point_ok(int verbose) {
  volatile double two = 2.0, tenth = 0.1, ten = 10.0, third_d = 3.0;
  volatile float one_f = 1.0f, three_f = 3.0f;
  double sum = 0.0;
  for (int k = 1; k <= 1000; k++) sum += 1.0 / ((double)k * (double)k);
  double root = sqrt(two);
  double fused = fma(tenth, ten, -1.0);
  float third = one_f / three_f;
  long truncated = (long)(-7.0 / third_d * 3.0 - 0.5);
  int ok = 1;
  ok &= fabs(sum - 1.6439345666815615) < 1e-13;
  ok &= root == 0x1.6a09e667f3bcdp+0;
  ok &= fused == 0x1p-54;
  ok &= third * three_f == 1.0f && third == 0x1.555556p-2f;
  ok &= truncated == -7;
  if (verbose) {
    say("fp: sum 1/k^2 (k=1..1000) = %.16f", sum);
    say("fp: sqrt(2) = %.17g, fma(0.1, 10, -1) = %.17g, 1f/3f = %.9g", root, fused, (double)third);
  }
  return ok;
}

static void exercise_floating_point(void) { check(floating_point_ok(1), "floating point results are exact"); }

/* The child half of the fork/exec check: this same binary, exec'd with an
 * argument, in a process that is not PID 1. */
static int child_main(void) {
  say("child: hello from pid %d (parent %d), exec'd with \"%s\"", (int)getpid(), (int)getppid(), CHILD_ARG);
  return floating_point_ok(0) ? CHILD_EXIT_OK : 1;
}

static void exercise_fork_exec(const char *self) {
  pid_t pid = fork();
  if (pid == 0) {
    execl(self, self, CHILD_ARG, (char *)NULL);
    _exit(127);
  }
  int status = 0;
  check(pid > 0 && waitpid(pid, &status, 0) == pid, "fork and waitpid");
  check(WIFEXITED(status) && WEXITSTATUS(status) == CHILD_EXIT_OK, "exec'd child exited with %d",
        WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/* One child pinned to each online CPU, computing with the FPU while the
 * others do: each hart runs user code, and FP state survives the switches. */
static void exercise_cpus(void) {
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  for (long cpu = 0; cpu < cpus && cpu < CPU_SETSIZE; cpu++) {
    pid_t pid = fork();
    if (pid == 0) {
      cpu_set_t set;
      CPU_ZERO(&set);
      CPU_SET(cpu, &set);
      if (sched_setaffinity(0, sizeof set, &set) != 0) _exit(2);
      sched_yield();
      int ok = 1;
      for (int round = 0; round < 20; round++) ok &= floating_point_ok(0), sched_yield();
      _exit(ok && sched_getcpu() == cpu ? PINNED_EXIT_OK : 1);
    }
    int status = 0;
    check(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == PINNED_EXIT_OK,
          "cpu %ld ran a pinned child (fp ok)", cpu);
  }
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], CHILD_ARG) == 0) return child_main();
  setvbuf(stdout, NULL, _IOLBF, 0);
  say("started");
  if (getpid() != 1) {
    say("FAIL: not PID 1: this program is a kernel's init (try: %s %s)", argv[0], CHILD_ARG);
    return 2;
  }
  struct timespec boot;
  clock_gettime(CLOCK_BOOTTIME, &boot);
  say("kernel reached init after %.3f s (CLOCK_BOOTTIME)", seconds(&boot));
  mount_filesystems();
  print_system();
  exercise_disk();
  exercise_timers();
  exercise_signals();
  exercise_floating_point();
  exercise_fork_exec(argv[0]);
  exercise_cpus();
  if (failures == 0) say("all ok");
  else say("FAILED (%d checks)", failures);
  say("powering off");
  sync();
  reboot(RB_POWER_OFF);
  /* PID 1 must not exit (the kernel would panic): wait for the power to go. */
  check(0, "reboot(RB_POWER_OFF) returned");
  for (;;) pause();
}
