/** Images: tag suffixes, platform tags, digests, image references and leg keys. */
package dev.strata.domain.image.api;
