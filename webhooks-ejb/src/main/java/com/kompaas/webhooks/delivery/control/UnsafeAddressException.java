package com.kompaas.webhooks.delivery.control;

/**
 * The address guard refused a destination. The message names the address and the range it falls
 * in, and says how to allow it, because the person reading it is either a customer who typed an
 * internal URL or an operator setting up a local receiver.
 */
public class UnsafeAddressException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnsafeAddressException(String message) {
    super(message);
  }
}
