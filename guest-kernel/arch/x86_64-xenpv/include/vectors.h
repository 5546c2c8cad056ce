/* Pseudo vectors for the two callbacks, beyond the 256 exception vectors. */
#ifndef VECTORS_H
#define VECTORS_H

#define VECTOR_EVENT 256
#define VECTOR_SYSCALL 257

#endif
