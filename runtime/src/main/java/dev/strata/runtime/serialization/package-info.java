/** The Jackson serializer every Strata process stores and exchanges messages with. */
package dev.strata.runtime.serialization;
