# embed.cmake -- write a source file (IN) into a C file (OUT) as `const char NAME[]`, its bytes
# followed by a NUL, so that q and Python run at start-up live in .q/.py files of their own.
# Run as: cmake -DIN=file -DOUT=file.c -DNAME=symbol -P embed.cmake
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){24})" "\\1\n    " bytes "${bytes}")
get_filename_component(src_name "${IN}" NAME)
file(WRITE "${OUT}.tmp"
     "/* generated from ${src_name} by cmake/embed.cmake: do not edit */\n"
     "extern const char ${NAME}[];\n"
     "const char ${NAME}[] = {\n    ${bytes}0x00};\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
