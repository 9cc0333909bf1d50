# Installs the built library into a scratch prefix, then configures, builds and runs the consumer
# and builds the example program (examples/library) the same way, as outside projects would.
file(REMOVE_RECURSE ${WORK_DIR})

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "${what} failed (${rc})")
  endif()
endfunction()

# Configures and builds the project in `src` against the installed package, into WORK_DIR/`name`.
function(build_against_install name src)
  run("configuring ${name}" ${CMAKE_COMMAND} -S ${src} -B ${WORK_DIR}/${name} -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
  run("building ${name}" ${CMAKE_COMMAND} --build ${WORK_DIR}/${name})
endfunction()

run("install" ${CMAKE_COMMAND} --install ${PLEDGEDB_BUILD_DIR} --prefix ${WORK_DIR}/prefix)
build_against_install(build ${CONSUMER_SRC})
run("the consumer" ${WORK_DIR}/build/consumer ${WORK_DIR})
if(EXAMPLE_SRC)
  build_against_install(example ${EXAMPLE_SRC})
endif()
