/* The header as the clang module `sigmint` (what Swift's `import sigmint` loads): built with
 * clang -fmodules against the installed include directory by ffi-c/tests/install.sh. */
#pragma clang module import sigmint

int main(void) {
    return sigmint_version()[0] != '\0' && SIGMINT_FONBNK_SIGNATURE_LEN == 44 ? 0 : 1;
}
