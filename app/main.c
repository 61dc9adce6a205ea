/* main.c -- the openq binary.  This first slice only reports what is built; the console
 * (src/lang) and the server (src/net) take over these entry points as they land. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-p") == 0) {
            fprintf(stderr, "openq: serving is not built yet\n");
            return 1;
        }
    }
    fprintf(stderr, "openq: the console is not built yet\n");
    return 1;
}
