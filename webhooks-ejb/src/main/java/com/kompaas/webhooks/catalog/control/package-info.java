/** The rules an operator's edit of the catalogue must meet, and the draft it arrives as. */
package com.kompaas.webhooks.catalog.control;
