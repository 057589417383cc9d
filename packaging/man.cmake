# Makes sahelmap.1.gz from the program's own --help (run by the build):
#   cmake -DSAHELMAP=... -DHELP2ROFF=... -DTEMPLATE=... -DOUT=sahelmap.1 -P man.cmake
# The help does not depend on the environment; SAHELMAP_* values that the
# program would refuse are cleared so a stray one cannot break the build.
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env --unset=SAHELMAP_MAX_EVENTS --unset=SAHELMAP_CACHE
            --unset=SAHELMAP_CACHE_MIN --unset=SAHELMAP_LOAD_THREADS ${SAHELMAP} --help
    OUTPUT_FILE ${OUT}.help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${SAHELMAP} --help failed (${rc})")
endif()
execute_process(COMMAND ${HELP2ROFF} ${TEMPLATE}
    INPUT_FILE ${OUT}.help OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "help2roff failed (${rc})")
endif()
# -n: no name or time stamp in the header, so the same page gives the same bytes.
execute_process(COMMAND gzip -9nc ${OUT} OUTPUT_FILE ${OUT}.gz RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip failed (${rc})")
endif()
