/** A RabbitMQ vhost owned by one test suite, and a capture of the events published to an exchange in it. */
@NullMarked
package com.emporium.test.amqp;

import org.jspecify.annotations.NullMarked;
