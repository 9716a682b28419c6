package org.listserv.sending;

/** A delivery with its message written to bytes and the VERP envelope sender, ready for SMTP. */
record RenderedDelivery(Delivery delivery, String envelopeFrom, byte[] message) {
}
